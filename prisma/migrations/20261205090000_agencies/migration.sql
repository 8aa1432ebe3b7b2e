-- Agencies as entities, and the agencies responsible for each target (docs/decisions/0105-agencies.md).
CREATE TYPE "plans"."AgencyKind" AS ENUM ('DEPARTMENT', 'BOARD', 'MASS_ORGANISATION', 'STATISTICS_OFFICE', 'PEOPLES_COMMITTEE', 'OTHER');
CREATE TYPE "plans"."AgencyRole" AS ENUM ('LEAD', 'SUPPORTING');

CREATE TABLE "plans"."agency" (
    "code" TEXT NOT NULL,
    "hierarchy" TEXT NOT NULL,
    "area_code" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "kind" "plans"."AgencyKind" NOT NULL,
    "name" TEXT NOT NULL,
    "name_vi" TEXT NOT NULL,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "agency_pkey" PRIMARY KEY ("code")
);
CREATE UNIQUE INDEX "agency_hierarchy_area_code_name_vi_key" ON "plans"."agency"("hierarchy", "area_code", "name_vi");
CREATE INDEX "agency_area_code_idx" ON "plans"."agency"("area_code");

CREATE TABLE "plans"."target_agency" (
    "target_id" UUID NOT NULL,
    "agency_code" TEXT NOT NULL,
    "role" "plans"."AgencyRole" NOT NULL,
    CONSTRAINT "target_agency_pkey" PRIMARY KEY ("target_id", "agency_code")
);
CREATE INDEX "target_agency_agency_code_idx" ON "plans"."target_agency"("agency_code");
ALTER TABLE "plans"."target_agency" ADD CONSTRAINT "target_agency_target_id_fkey"
    FOREIGN KEY ("target_id") REFERENCES "plans"."target"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "plans"."target_agency" ADD CONSTRAINT "target_agency_agency_code_fkey"
    FOREIGN KEY ("agency_code") REFERENCES "plans"."agency"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Cached answers depend on these tables too (docs/decisions/0070-response-cache.md).
CREATE TRIGGER note_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans"."agency"
  FOR EACH STATEMENT EXECUTE FUNCTION cache.note_data_change();
CREATE TRIGGER note_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans"."target_agency"
  FOR EACH STATEMENT EXECUTE FUNCTION cache.note_data_change();
