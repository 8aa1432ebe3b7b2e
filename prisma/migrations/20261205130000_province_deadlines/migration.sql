-- A province's own deadline for a data set and level (docs/decisions/0109-province-deadlines.md).
CREATE TABLE "indicators"."data_set_deadline_override" (
    "data_set_code" TEXT NOT NULL,
    "level" "indicators"."AreaLevel" NOT NULL,
    "hierarchy" TEXT NOT NULL,
    "province_code" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "day" INTEGER NOT NULL,
    "year_offset" INTEGER NOT NULL DEFAULT 0,
    "set_by" TEXT NOT NULL,
    "set_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "data_set_deadline_override_pkey" PRIMARY KEY ("data_set_code", "level", "hierarchy", "province_code")
);
ALTER TABLE "indicators"."data_set_deadline_override" ADD CONSTRAINT "data_set_deadline_override_data_set_code_fkey"
    FOREIGN KEY ("data_set_code") REFERENCES "indicators"."data_set"("code") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TRIGGER note_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "indicators"."data_set_deadline_override"
  FOR EACH STATEMENT EXECUTE FUNCTION cache.note_data_change();
