// Data access for case records, their services, the access log and the feed's pending marks.
import { areaOn, type CaseAccessAction, type Database, isUuid } from "@vnge/shared";
import type { CaseRecord, CaseService } from "./case-record.type";
import type { ValidCase } from "./case-record.validation";
import type { RecordWindow } from "./case-year";

type Transaction = Parameters<Parameters<Database["prisma"]["$transaction"]>[0]>[0];

export interface FeedKey {
  areaCode: string;
  period: string;
}

const dateOnly = (value: Date) => value.toISOString().slice(0, 10);
const asDate = (value: string) => new Date(`${value}T00:00:00Z`);
export const yearOf = (date: string) => date.slice(0, 4);

type StoredCase = Awaited<ReturnType<Database["prisma"]["caseRecord"]["findFirstOrThrow"]>>;

function toCaseRecord(row: StoredCase): CaseRecord {
  return {
    id: row.id,
    area: areaOn(row.areaCode, row.detectedOn),
    detectedOn: dateOnly(row.detectedOn),
    form: row.form,
    setting: row.setting,
    victimSex: row.victimSex,
    victimAgeGroup: row.victimAgeGroup,
    victimEthnicMinority: row.victimEthnicMinority,
    perpetratorSex: row.perpetratorSex,
    perpetratorProsecuted: row.perpetratorProsecuted,
    perpetratorCounselled: row.perpetratorCounselled,
    referredToPolice: row.referredToPolice,
    status: row.status,
    services: [],
    note: row.note,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function recordColumns(value: ValidCase, subject: string) {
  const { services: _services, detectedOn, ...fields } = value;
  return { ...fields, detectedOn: asDate(detectedOn), updatedBy: subject, updatedAt: new Date() };
}

export class CaseRecordStore {
  constructor(private readonly db: Database) {}

  async findByIds(ids: readonly string[]): Promise<CaseRecord[]> {
    const uuids = ids.filter(isUuid);
    if (uuids.length === 0) return [];
    return (await this.db.prisma.caseRecord.findMany({ where: { id: { in: uuids } } })).map(toCaseRecord);
  }

  /** Records detected in each window's communes during the window (a year's records, decision 0078). */
  async findInWindows(windows: readonly RecordWindow[]): Promise<CaseRecord[]> {
    const chosen = windows.filter((w) => w.areaCodes.length > 0);
    if (chosen.length === 0) return [];
    const rows = await this.db.prisma.caseRecord.findMany({
      where: { OR: chosen.map((w) => ({ areaCode: { in: [...w.areaCodes] }, detectedOn: { gte: asDate(w.from), lt: asDate(w.to) } })) },
      orderBy: [{ detectedOn: "asc" }, { id: "asc" }],
    });
    return rows.map(toCaseRecord);
  }

  async findServices(caseIds: readonly string[]): Promise<(CaseService & { caseId: string })[]> {
    const rows = await this.db.prisma.caseServiceProvided.findMany({
      where: { caseId: { in: [...caseIds] } },
      orderBy: [{ providedOn: "asc" }, { service: "asc" }],
    });
    return rows.map((row) => ({ caseId: row.caseId, service: row.service, providedOn: dateOnly(row.providedOn) }));
  }

  /** Writes the record, its services, the access log and the pending feed mark in one transaction. */
  async create(value: ValidCase, subject: string, requestId: string): Promise<CaseRecord> {
    const row = await this.db.prisma.$transaction(async (tx) => {
      const created = await tx.caseRecord.create({ data: { ...recordColumns(value, subject), createdBy: subject } });
      await this.writeServices(tx, created.id, value);
      await this.log(tx, [created.id], subject, "CREATE", requestId);
      await this.markPending(tx, [{ areaCode: value.areaCode, period: yearOf(value.detectedOn) }]);
      return created;
    });
    return toCaseRecord(row);
  }

  /** Replaces the record's fields and services; returns null when there is no such record. Marks the old and new commune-years pending. */
  async update(id: string, value: ValidCase, subject: string, requestId: string): Promise<{ record: CaseRecord; before: FeedKey } | null> {
    if (!isUuid(id)) return null;
    return this.db.prisma.$transaction(async (tx) => {
      const old = await tx.caseRecord.findUnique({ where: { id } });
      if (!old) return null;
      const updated = await tx.caseRecord.update({ where: { id }, data: recordColumns(value, subject) });
      await tx.caseServiceProvided.deleteMany({ where: { caseId: id } });
      await this.writeServices(tx, id, value);
      await this.log(tx, [id], subject, "UPDATE", requestId);
      const before = { areaCode: old.areaCode, period: yearOf(dateOnly(old.detectedOn)) };
      await this.markPending(tx, [before, { areaCode: value.areaCode, period: yearOf(value.detectedOn) }]);
      return { record: toCaseRecord(updated), before };
    });
  }

  async logReads(caseIds: readonly string[], subject: string, requestId: string): Promise<void> {
    await this.log(this.db.prisma, caseIds, subject, "READ", requestId);
  }

  private async writeServices(tx: Transaction, caseId: string, value: ValidCase): Promise<void> {
    if (value.services.length === 0) return;
    await tx.caseServiceProvided.createMany({
      data: value.services.map((s) => ({ caseId, service: s.service, providedOn: asDate(s.providedOn) })),
    });
  }

  private async log(client: Pick<Transaction, "caseAccessLog">, caseIds: readonly string[], subject: string, action: CaseAccessAction, requestId: string) {
    if (caseIds.length === 0) return;
    await client.caseAccessLog.createMany({ data: caseIds.map((caseId) => ({ caseId, subject, action, requestId })) });
  }

  private async markPending(tx: Transaction, keys: readonly FeedKey[]): Promise<void> {
    for (const key of keys) {
      await tx.caseFeedState.upsert({
        where: { areaCode_period: key },
        create: { ...key, pending: true },
        update: { pending: true, updatedAt: new Date() },
      });
    }
  }
}
