-- Data elements and data sets collected by districts get the level they are collected at in a version without
-- districts (2025-07 on): docs/decisions/0098-collection-without-districts.md. Null means PROVINCE.
ALTER TABLE "indicators"."data_element" ADD COLUMN "collection_level_without_districts" "indicators"."AreaLevel";
ALTER TABLE "indicators"."data_set" ADD COLUMN "collection_level_without_districts" "indicators"."AreaLevel";

-- Primary schools are run by the communes after the reform: the education figures are reported by each commune.
UPDATE "indicators"."data_element" SET "collection_level_without_districts" = 'COMMUNE'
 WHERE "code" IN ('ETHNIC_MINORITY_PRIMARY_COHORT', 'ETHNIC_MINORITY_PRIMARY_COMPLETED');
UPDATE "indicators"."data_set" SET "collection_level_without_districts" = 'COMMUNE' WHERE "code" = 'ANNUAL_EDUCATION_DISTRICT';
