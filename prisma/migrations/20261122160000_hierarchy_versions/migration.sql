-- CreateEnum
CREATE TYPE "indicators"."AreaMappingKind" AS ENUM ('FULL', 'PARTIAL');

-- DropForeignKey
ALTER TABLE "indicators"."area" DROP CONSTRAINT "area_parent_code_fkey";

-- DropForeignKey
ALTER TABLE "indicators"."data_value" DROP CONSTRAINT "data_value_area_code_fkey";

-- DropIndex
DROP INDEX "indicators"."area_parent_code_idx";

-- DropIndex
DROP INDEX "indicators"."area_level_province_code_idx";

-- DropIndex
DROP INDEX "indicators"."area_district_code_idx";

-- AlterTable: every area stored so far belongs to the base version (created below, before the foreign key).
ALTER TABLE "indicators"."area" DROP CONSTRAINT "area_pkey",
ADD COLUMN     "hierarchy" TEXT NOT NULL DEFAULT '2025-03',
ADD CONSTRAINT "area_pkey" PRIMARY KEY ("hierarchy", "code");
ALTER TABLE "indicators"."area" ALTER COLUMN "hierarchy" DROP DEFAULT;

-- CreateTable
CREATE TABLE "indicators"."hierarchy" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "valid_from" DATE,

    CONSTRAINT "hierarchy_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "indicators"."area_mapping" (
    "from_hierarchy" TEXT NOT NULL,
    "from_code" TEXT NOT NULL,
    "to_hierarchy" TEXT NOT NULL,
    "to_code" TEXT NOT NULL,
    "kind" "indicators"."AreaMappingKind" NOT NULL,

    CONSTRAINT "area_mapping_pkey" PRIMARY KEY ("from_hierarchy","from_code","to_hierarchy","to_code")
);

-- CreateTable
CREATE TABLE "indicators"."area_crosswalk" (
    "from_hierarchy" TEXT NOT NULL,
    "from_code" TEXT NOT NULL,
    "to_hierarchy" TEXT NOT NULL,
    "to_code" TEXT NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "area_crosswalk_pkey" PRIMARY KEY ("to_hierarchy","from_hierarchy","to_code","from_code")
);

-- The base version: the three-level list (nation > province > district > commune) in force until the 2025 reform.
-- It has no start, so it answers for every earlier period.
INSERT INTO "indicators"."hierarchy" ("code", "name", "valid_from")
VALUES ('2025-03', 'Before the 2025 reform: province > district > commune', NULL);

-- CreateIndex
CREATE UNIQUE INDEX "hierarchy_valid_from_key" ON "indicators"."hierarchy"("valid_from");

-- CreateIndex
CREATE INDEX "area_mapping_to_hierarchy_to_code_idx" ON "indicators"."area_mapping"("to_hierarchy", "to_code");

-- CreateIndex
CREATE INDEX "area_hierarchy_parent_code_idx" ON "indicators"."area"("hierarchy", "parent_code");

-- CreateIndex
CREATE INDEX "area_hierarchy_level_province_code_idx" ON "indicators"."area"("hierarchy", "level", "province_code");

-- CreateIndex
CREATE INDEX "area_hierarchy_district_code_idx" ON "indicators"."area"("hierarchy", "district_code");

-- AddForeignKey
ALTER TABLE "indicators"."area" ADD CONSTRAINT "area_hierarchy_fkey" FOREIGN KEY ("hierarchy") REFERENCES "indicators"."hierarchy"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicators"."area" ADD CONSTRAINT "area_hierarchy_parent_code_fkey" FOREIGN KEY ("hierarchy", "parent_code") REFERENCES "indicators"."area"("hierarchy", "code") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Half-year periods ("2025S2"): the reform took effect mid-year.
ALTER TABLE "indicators"."data_value" DROP CONSTRAINT "data_value_period_check";
ALTER TABLE "indicators"."data_value" ADD CONSTRAINT "data_value_period_check" CHECK ("period" ~ '^[0-9]{4}(Q[1-4]|S[12]|0[1-9]|1[0-2])?$');
ALTER TABLE "indicators"."data_value_audit" DROP CONSTRAINT "data_value_audit_period_check";
ALTER TABLE "indicators"."data_value_audit" ADD CONSTRAINT "data_value_audit_period_check" CHECK ("period" ~ '^[0-9]{4}(Q[1-4]|S[12]|0[1-9]|1[0-2])?$');
