-- The catalogue becomes managed data (docs/decisions/0084-managed-catalogue.md): every definition has an owner
-- (VN for national ones, a province or a pre-2025 district for local ones) and may be retired instead of deleted;
-- every change is audited.
ALTER TYPE "indicators"."IndicatorUnit" ADD VALUE IF NOT EXISTS 'YES_NO';

ALTER TABLE "indicators"."data_element" ADD COLUMN "owner" TEXT NOT NULL DEFAULT 'VN';
ALTER TABLE "indicators"."data_element" ADD COLUMN "retired_at" TIMESTAMP(3);
ALTER TABLE "indicators"."indicator" ADD COLUMN "owner" TEXT NOT NULL DEFAULT 'VN';
ALTER TABLE "indicators"."indicator" ADD COLUMN "retired_at" TIMESTAMP(3);
ALTER TABLE "indicators"."data_set" ADD COLUMN "owner" TEXT NOT NULL DEFAULT 'VN';
ALTER TABLE "indicators"."data_set" ADD COLUMN "retired_at" TIMESTAMP(3);

CREATE TABLE "indicators"."catalogue_change" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "changed_by" TEXT NOT NULL,
    "changed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "before" JSONB,
    "after" JSONB,
    CONSTRAINT "catalogue_change_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "catalogue_change_code_changed_at_idx" ON "indicators"."catalogue_change"("code", "changed_at");
-- like every table of the schema, a write moves the response cache's data generation
CREATE TRIGGER note_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "indicators"."catalogue_change"
  FOR EACH STATEMENT EXECUTE FUNCTION cache.note_data_change();
