// Data access for reporting deadlines.
import { type Database, isUuid } from "@vnge/shared";
import type { ReportingDeadline } from "./deadline.type";

type DeadlineRecord = NonNullable<Awaited<ReturnType<Database["prisma"]["reportingDeadline"]["findUnique"]>>>;
export type NewDeadline = Pick<
  DeadlineRecord,
  "planId" | "report" | "fromLevel" | "toLevel" | "dueDate" | "submittedOn" | "kind" | "reporterAgencyCode" | "dueBefore"
>;
export type DeadlineWriter = Pick<Database["prisma"], "reportingDeadline">;

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** Deadlines are days in Vietnam (UTC+7, no daylight saving). */
const VIETNAM_OFFSET = "+07:00";

/** The moment a report becomes late: the start of the due day ("trước ngày", before it) or of the day after (by it). */
export function dueInstant(dueDate: string, dueBefore: boolean): Date {
  const start = Date.parse(`${dueDate}T00:00:00${VIETNAM_OFFSET}`);
  return new Date(dueBefore ? start : start + 86_400_000);
}

/** Met: received by the due date; missed: received late or still missing after it; null: outstanding, not yet due. */
export function toDeadline(record: DeadlineRecord, today: string = isoDate(new Date())): ReportingDeadline {
  const due = isoDate(record.dueDate);
  const submitted = record.submittedOn ? isoDate(record.submittedOn) : null;
  const inTime = (day: string) => (record.dueBefore ? day < due : day <= due);
  return {
    kind: record.kind,
    reporterAgencyCode: record.reporterAgencyCode,
    dueBefore: record.dueBefore,
    dueAt: dueInstant(due, record.dueBefore).toISOString(),
    id: record.id,
    planId: record.planId,
    report: record.report,
    fromLevel: record.fromLevel,
    toLevel: record.toLevel,
    dueDate: due,
    submittedOn: submitted,
    met: submitted ? inTime(submitted) : !inTime(today) ? false : null,
  };
}

export class DeadlineStore {
  constructor(private readonly db: Database) {}

  async findByPlans(planIds: readonly string[]): Promise<ReportingDeadline[]> {
    const uuids = planIds.filter(isUuid);
    if (uuids.length === 0) return [];
    const rows = await this.db.prisma.reportingDeadline.findMany({ where: { planId: { in: uuids } }, orderBy: [{ dueDate: "asc" }, { report: "asc" }] });
    return rows.map((row) => toDeadline(row));
  }

  async findById(id: string): Promise<DeadlineRecord | null> {
    if (!isUuid(id)) return null;
    return this.db.prisma.reportingDeadline.findUnique({ where: { id } });
  }

  create(deadline: NewDeadline): Promise<DeadlineRecord> {
    return this.db.prisma.reportingDeadline.create({ data: deadline });
  }

  recordSubmitted(id: string, submittedOn: Date): Promise<DeadlineRecord> {
    return this.db.prisma.reportingDeadline.update({ where: { id }, data: { submittedOn } });
  }

  /** Writes the deadlines one by one through `writer` (a transaction's client). */
  static async insert(writer: DeadlineWriter, deadlines: readonly NewDeadline[]): Promise<void> {
    for (const deadline of deadlines) await writer.reportingDeadline.create({ data: deadline });
  }
}
