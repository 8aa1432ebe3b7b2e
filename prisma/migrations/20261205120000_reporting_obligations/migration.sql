-- Reporting obligations: who owes each report, and each reporter's submission with its document
-- (docs/decisions/0108-reporting-obligations.md).
CREATE TYPE "plans"."ReportKind" AS ENUM ('SIX_MONTH', 'YEARLY', 'MID_TERM_REVIEW', 'FINAL_REVIEW', 'OTHER');
ALTER TABLE "plans"."reporting_deadline" ADD COLUMN "kind" "plans"."ReportKind" NOT NULL DEFAULT 'OTHER';
ALTER TABLE "plans"."reporting_deadline" ADD COLUMN "reporter_agency_code" TEXT;
ALTER TABLE "plans"."reporting_deadline" ADD COLUMN "due_before" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "plans"."report_submission" (
    "id" UUID NOT NULL,
    "deadline_id" UUID NOT NULL,
    "reporter_code" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "submitted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submitted_by" TEXT NOT NULL,
    "document_name" TEXT NOT NULL,
    "document_type" TEXT NOT NULL,
    "document_size" INTEGER NOT NULL,
    "document" BYTEA NOT NULL,
    CONSTRAINT "report_submission_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "report_submission_deadline_id_reporter_code_key" ON "plans"."report_submission"("deadline_id", "reporter_code");
ALTER TABLE "plans"."report_submission" ADD CONSTRAINT "report_submission_deadline_id_fkey"
    FOREIGN KEY ("deadline_id") REFERENCES "plans"."reporting_deadline"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TRIGGER note_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans"."report_submission"
  FOR EACH STATEMENT EXECUTE FUNCTION cache.note_data_change();
