// Data access for data sets and their approvals: the only module that reads or writes those tables.
import { type AreaLevel, type AreaRecord, type Database, serviceMetrics } from "@vnge/shared";
import { type ApprovalAction, ApprovalState } from "./data-approval.enums";

/** Counted where a transition is committed: every path to one goes through `transition`. */
const approvalTransitions = serviceMetrics("indicators").counter(
  "data_approval_transitions_total",
  "Data-set approval transitions committed, by action and new state",
  ["action", "to"],
);

export interface DataSetRow {
  code: string;
  name: string;
  nameVi: string;
  collectionLevel: AreaLevel;
  /** For a DISTRICT set: the level reporting it in a version without districts (null: PROVINCE; decision 0098). */
  collectionLevelWithoutDistricts: AreaLevel | null;
  dataElementCodes: string[];
  owner: string;
  retiredAt: Date | null;
}

export interface ApprovalRow {
  areaCode: string;
  state: ApprovalState;
  reportedAt: Date | null;
  /** Who made the last transition (the one at reportedAt while the area stands reported). */
  changedBy: string;
}

export interface ApprovalEventRow {
  action: ApprovalAction;
  fromState: ApprovalState;
  toState: ApprovalState;
  actor: string;
  reason: string | null;
  at: Date;
}

export interface Transition {
  dataSetCode: string;
  period: string;
  areaCode: string;
  action: ApprovalAction;
  to: ApprovalState;
  actor: string;
  reason: string | null;
}

/** A transaction client or the plain client: both have the model delegates used here. */
type Client = Database["prisma"];

export class DataApprovalStore {
  constructor(private readonly db: Database) {}

  async findDataSets(codes?: readonly string[]): Promise<DataSetRow[]> {
    const rows = await this.db.prisma.dataSet.findMany({
      where: codes ? { code: { in: [...codes] } } : { retiredAt: null },
      include: { elements: { select: { dataElementCode: true }, orderBy: { dataElementCode: "asc" } } },
      orderBy: { code: "asc" },
    });
    return rows.map((row) => ({
      code: row.code,
      name: row.name,
      nameVi: row.nameVi,
      collectionLevel: row.collectionLevel,
      collectionLevelWithoutDistricts: row.collectionLevelWithoutDistricts,
      dataElementCodes: row.elements.map((e) => e.dataElementCode),
      owner: row.owner,
      retiredAt: row.retiredAt,
    }));
  }

  /** States of the data set at the given areas (areas without a row are OPEN). */
  async findStates(dataSetCode: string, period: string, areaCodes: readonly string[], client: Client = this.db.prisma): Promise<Map<string, ApprovalRow>> {
    const rows = await client.dataApproval.findMany({
      where: { dataSetCode, period, areaCode: { in: [...areaCodes] } },
      select: { areaCode: true, state: true, reportedAt: true, changedBy: true },
    });
    return new Map(
      rows.map((row) => [row.areaCode, { areaCode: row.areaCode, state: row.state as ApprovalState, reportedAt: row.reportedAt, changedBy: row.changedBy }]),
    );
  }

  findDeadline(dataSetCode: string, level: AreaLevel): Promise<{ month: number; day: number; yearOffset: number } | null> {
    return this.db.prisma.dataSetDeadline.findUnique({
      where: { dataSetCode_level: { dataSetCode, level } },
      select: { month: true, day: true, yearOffset: true },
    });
  }

  /** The provinces' own days for a data set and level, by province code. */
  async findDeadlineOverrides(
    dataSetCode: string,
    level: AreaLevel,
    hierarchy: string,
  ): Promise<Map<string, { month: number; day: number; yearOffset: number }>> {
    const rows = await this.db.prisma.dataSetDeadlineOverride.findMany({
      where: { dataSetCode, level, hierarchy },
      select: { provinceCode: true, month: true, day: true, yearOffset: true },
    });
    return new Map(rows.map(({ provinceCode, ...rule }) => [provinceCode, rule]));
  }

  /** Sets (or, with `rule` null, removes) a province's own day for a data set and level. */
  async saveDeadlineOverride(
    key: { dataSetCode: string; level: AreaLevel; hierarchy: string; provinceCode: string },
    rule: { month: number; day: number; yearOffset: number } | null,
    setBy: string,
  ): Promise<void> {
    const where = { dataSetCode_level_hierarchy_provinceCode: key };
    if (!rule) {
      await this.db.prisma.dataSetDeadlineOverride.deleteMany({ where: key });
      return;
    }
    const data = { ...key, ...rule, setBy, setAt: new Date() };
    await this.db.prisma.dataSetDeadlineOverride.upsert({ where, create: data, update: data });
  }

  findChildren(area: AreaRecord): Promise<AreaRecord[]> {
    return this.db.prisma.area.findMany({ where: { hierarchyCode: area.hierarchyCode, parentCode: area.code }, orderBy: { code: "asc" } });
  }

  events(dataSetCode: string, period: string, areaCode: string): Promise<ApprovalEventRow[]> {
    return this.db.prisma.dataApprovalEvent
      .findMany({
        where: { dataSetCode, period, areaCode },
        orderBy: [{ at: "asc" }, { id: "asc" }],
        select: { action: true, fromState: true, toState: true, actor: true, reason: true, at: true },
      })
      .then((rows) =>
        rows.map((row) => ({ ...row, action: row.action as ApprovalAction, fromState: row.fromState as ApprovalState, toState: row.toState as ApprovalState })),
      );
  }

  /**
   * Runs `check` and then writes the transition in one transaction, with the approval rows of the
   * area and the `guarded` areas locked first (FOR UPDATE), so two approvers cannot race past a check.
   */
  async transition(t: Transition, guarded: readonly string[], check: (states: Map<string, ApprovalRow>) => void): Promise<void> {
    await this.db.inPrismaTransaction(async (joined) => {
      const tx = joined.prisma;
      const codes = [t.areaCode, ...guarded];
      await joined.query(
        `SELECT 1 FROM indicators.data_approval WHERE data_set_code = $1 AND period = $2 AND area_code = ANY($3::text[]) ORDER BY area_code FOR UPDATE`,
        [t.dataSetCode, t.period, codes],
      );
      const states = await this.findStates(t.dataSetCode, t.period, codes, tx);
      check(states);
      const from = states.get(t.areaCode)?.state ?? ApprovalState.OPEN;
      const now = new Date();
      const reported = t.to === ApprovalState.SUBMITTED || t.to === ApprovalState.APPROVED || t.to === ApprovalState.ACCEPTED;
      const data = { state: t.to, changedBy: t.actor, changedAt: now, ...(reported ? { reportedAt: now } : {}) };
      await tx.dataApproval.upsert({
        where: { dataSetCode_period_areaCode: { dataSetCode: t.dataSetCode, period: t.period, areaCode: t.areaCode } },
        create: { dataSetCode: t.dataSetCode, period: t.period, areaCode: t.areaCode, ...data },
        update: data,
      });
      await tx.dataApprovalEvent.create({
        data: {
          dataSetCode: t.dataSetCode,
          period: t.period,
          areaCode: t.areaCode,
          action: t.action,
          fromState: from,
          toState: t.to,
          actor: t.actor,
          reason: t.reason,
          at: now,
        },
      });
    });
    approvalTransitions.inc({ action: t.action, to: t.to });
  }
}
