-- The agency that reports a data element in an area (docs/decisions/0106-agency-data-entry.md).
CREATE TABLE "indicators"."data_element_reporter" (
    "hierarchy" TEXT NOT NULL,
    "area_code" TEXT NOT NULL,
    "data_element_code" TEXT NOT NULL,
    "agency_code" TEXT NOT NULL,
    "assigned_by" TEXT NOT NULL,
    "assigned_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "data_element_reporter_pkey" PRIMARY KEY ("hierarchy", "area_code", "data_element_code")
);
CREATE INDEX "data_element_reporter_agency_code_idx" ON "indicators"."data_element_reporter"("agency_code");
ALTER TABLE "indicators"."data_element_reporter" ADD CONSTRAINT "data_element_reporter_data_element_code_fkey"
    FOREIGN KEY ("data_element_code") REFERENCES "indicators"."data_element"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TRIGGER note_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "indicators"."data_element_reporter"
  FOR EACH STATEMENT EXECUTE FUNCTION cache.note_data_change();
