// Data access for targets: the only module that reads and writes the target table.
import { type AgencyRole, areaInPeriod, type Database, isUuid } from "@vnge/shared";
import { AgencyStore, type NewAgency } from "../agency/agency.store";
import type { Target } from "./target.type";
import type { Sex, TargetComparison } from "./target.enums";

type TargetRecord = NonNullable<Awaited<ReturnType<Database["prisma"]["target"]["findUnique"]>>>;
export type TargetWriter = Pick<Database["prisma"], "target" | "agency">;

export interface NewTarget {
  planId: string;
  indicatorCode: string;
  areaCode: string;
  sex: Sex | null;
  period: string;
  targetValue: number;
  comparison: TargetComparison;
  baselineValue: number | null;
  baselinePeriod: string | null;
  responsibleAgency: string | null;
  notes: string | null;
  sourceText: string | null;
  /** The agencies responsible for it (entities; responsibleAgency keeps the text as written). */
  agencies?: { agencyCode: string; role: AgencyRole }[];
}

/** A stored target, assessed at its own period unless a list asks for another year. */
export function toTarget(record: TargetRecord, assessedPeriod: string = record.period): Target {
  return {
    id: record.id,
    planId: record.planId,
    assessedPeriod,
    indicatorCode: record.indicatorCode,
    indicator: { code: record.indicatorCode },
    areaCode: record.areaCode,
    area: areaInPeriod(record.areaCode, record.period),
    period: record.period,
    sex: record.sex === "ALL" ? null : record.sex,
    targetValue: record.targetValue,
    comparison: record.comparison,
    baselineValue: record.baselineValue,
    baselinePeriod: record.baselinePeriod,
    responsibleAgency: record.responsibleAgency,
    notes: record.notes,
    sourceText: record.sourceText,
    actual: null,
  };
}

const ORDER = [{ areaCode: "asc" as const }, { indicatorCode: "asc" as const }, { period: "asc" as const }, { sex: "asc" as const }, { id: "asc" as const }];

export class TargetStore {
  constructor(private readonly db: Database) {}

  async findByIds(ids: readonly string[]): Promise<TargetRecord[]> {
    const uuids = ids.filter(isUuid);
    if (uuids.length === 0) return [];
    return this.db.prisma.target.findMany({ where: { id: { in: uuids } } });
  }

  findByPlans(planIds: readonly string[]): Promise<TargetRecord[]> {
    const uuids = planIds.filter(isUuid);
    if (uuids.length === 0) return Promise.resolve([]);
    return this.db.prisma.target.findMany({ where: { planId: { in: uuids } }, orderBy: ORDER });
  }

  /**
   * Targets at the areas that are due at `year` (their period) or running through it (a multi-year
   * target whose baseline is before it and whose period is after it); every target without a year.
   */
  findAtAreas(areaCodes: readonly string[], year?: number): Promise<TargetRecord[]> {
    if (areaCodes.length === 0) return Promise.resolve([]);
    const at = { areaCode: { in: [...areaCodes] } };
    if (year === undefined) return this.db.prisma.target.findMany({ where: at, orderBy: ORDER });
    const period = String(year);
    return this.db.prisma.target.findMany({
      where: { ...at, OR: [{ period }, { period: { gt: period }, baselinePeriod: { lt: period } }] },
      orderBy: ORDER,
    });
  }

  /** Keys already taken in a plan, as `area|indicator|period|sex`. */
  async existingKeys(planId: string): Promise<Set<string>> {
    const rows = await this.db.prisma.target.findMany({ where: { planId }, select: { areaCode: true, indicatorCode: true, period: true, sex: true } });
    return new Set(rows.map((row) => targetKey(row.areaCode, row.indicatorCode, row.period, row.sex === "ALL" ? null : row.sex)));
  }

  /** Writes the targets together, and first the agencies they name that are new, in one transaction. */
  create(targets: readonly NewTarget[], newAgencies: readonly NewAgency[] = []): Promise<TargetRecord[]> {
    return this.db.prisma.$transaction(async (tx) => {
      await AgencyStore.insert(tx, newAgencies);
      return TargetStore.insert(tx, targets);
    });
  }

  /** Writes the targets one by one through `writer` (a transaction's client). */
  static async insert(writer: TargetWriter, targets: readonly NewTarget[]): Promise<TargetRecord[]> {
    const created: TargetRecord[] = [];
    for (const { agencies, ...target } of targets) {
      created.push(await writer.target.create({ data: { ...target, sex: target.sex ?? "ALL", agencies: { create: agencies ?? [] } } }));
    }
    return created;
  }
}

export const targetKey = (areaCode: string, indicatorCode: string, period: string, sex: Sex | null) => `${areaCode}|${indicatorCode}|${period}|${sex ?? "ALL"}`;
