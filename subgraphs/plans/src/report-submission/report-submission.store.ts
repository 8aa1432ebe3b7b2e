// Data access for report submissions: the only module that reads and writes report_submission. Lists never read
// the documents' bytes.
import { type Database, isUuid } from "@vnge/shared";
import type { ReportDocument } from "./report-document";

export interface SubmissionRow {
  id: string;
  deadlineId: string;
  reporterCode: string;
  period: string;
  submittedAt: Date;
  submittedBy: string;
  documentName: string;
  documentType: string;
  documentSize: number;
}

const LISTED = {
  id: true,
  deadlineId: true,
  reporterCode: true,
  period: true,
  submittedAt: true,
  submittedBy: true,
  documentName: true,
  documentType: true,
  documentSize: true,
} as const;

export class ReportSubmissionStore {
  constructor(private readonly db: Database) {}

  findByDeadlines(deadlineIds: readonly string[]): Promise<SubmissionRow[]> {
    return this.db.prisma.reportSubmission.findMany({ where: { deadlineId: { in: [...deadlineIds] } }, select: LISTED, orderBy: { reporterCode: "asc" } });
  }

  /**
   * A reporter's submission replaces its earlier one for the deadline (a corrected report), in one statement. The
   * bytes travel as base64 and are decoded by the database: one encoding on both drivers.
   */
  async save(row: Omit<SubmissionRow, "id" | "documentName" | "documentType" | "documentSize">, document: ReportDocument): Promise<SubmissionRow> {
    const [saved] = await this.db.query<{
      id: string;
      deadline_id: string;
      reporter_code: string;
      period: string;
      submitted_at: string;
      submitted_by: string;
      document_name: string;
      document_type: string;
      document_size: number;
    }>(
      `INSERT INTO plans.report_submission (id, deadline_id, reporter_code, period, submitted_at, submitted_by, document_name, document_type, document_size, document)
       VALUES (gen_random_uuid(), $1::uuid, $2, $3, $4::timestamp, $5, $6, $7, $8, decode($9, 'base64'))
       ON CONFLICT (deadline_id, reporter_code) DO UPDATE SET period = excluded.period, submitted_at = excluded.submitted_at,
         submitted_by = excluded.submitted_by, document_name = excluded.document_name, document_type = excluded.document_type,
         document_size = excluded.document_size, document = excluded.document
       RETURNING id, deadline_id, reporter_code, period, to_char(submitted_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS submitted_at,
         submitted_by, document_name, document_type, document_size`,
      [
        row.deadlineId,
        row.reporterCode,
        row.period,
        row.submittedAt.toISOString().replace("Z", ""),
        row.submittedBy,
        document.fileName,
        document.contentType,
        document.bytes.length,
        document.bytes.toString("base64"),
      ],
    );
    return {
      id: saved.id,
      deadlineId: saved.deadline_id,
      reporterCode: saved.reporter_code,
      period: saved.period,
      submittedAt: new Date(saved.submitted_at),
      submittedBy: saved.submitted_by,
      documentName: saved.document_name,
      documentType: saved.document_type,
      documentSize: saved.document_size,
    };
  }

  /** One submission with its document's bytes (base64 from the database, as they went in). */
  async findWithDocument(id: string): Promise<(SubmissionRow & { document: Buffer }) | null> {
    if (!isUuid(id)) return null;
    const row = await this.db.prisma.reportSubmission.findUnique({ where: { id }, select: LISTED });
    if (!row) return null;
    const [bytes] = await this.db.query<{ base64: string }>(`SELECT encode(document, 'base64') AS base64 FROM plans.report_submission WHERE id = $1::uuid`, [
      id,
    ]);
    return { ...row, document: Buffer.from(bytes?.base64 ?? "", "base64") };
  }
}
