// Data access for reporting deadlines.
import { type Database, isUuid } from "@vnge/shared";
import type { ReportingDeadline } from "./deadline.type";

type DeadlineRecord = NonNullable<Awaited<ReturnType<Database["prisma"]["reportingDeadline"]["findUnique"]>>>;
export type NewDeadline = Pick<DeadlineRecord, "planId" | "report" | "fromLevel" | "toLevel" | "dueDate" | "submittedOn">;
export type DeadlineWriter = Pick<Database["prisma"], "reportingDeadline">;

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** Met: received by the due date; missed: received late or still missing after it; null: outstanding, not yet due. */
export function toDeadline(record: DeadlineRecord, today: string = isoDate(new Date())): ReportingDeadline {
  const due = isoDate(record.dueDate);
  const submitted = record.submittedOn ? isoDate(record.submittedOn) : null;
  return {
    id: record.id,
    planId: record.planId,
    report: record.report,
    fromLevel: record.fromLevel,
    toLevel: record.toLevel,
    dueDate: due,
    submittedOn: submitted,
    met: submitted ? submitted <= due : today > due ? false : null,
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
