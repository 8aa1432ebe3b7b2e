// Statistics are aggregates of activities and, like every statistic, scoped: an area outside the
// caller's areas is FORBIDDEN (docs/decisions/0042). Values for many areas of one request are read
// together through a DataLoader: one statement per period.
import DataLoader from "dataloader";
import { areaInPeriod, type AreaHierarchy, type AreaScope, BadUserInputError, periodMonths, periodMonthsProblem } from "@vnge/shared";
import { ActivityKind } from "../activity/activity.enums";
import type { ActivityStore, StatisticsRow } from "../activity/activity.store";
import { sexCounts } from "../activity/activity.type";
import type { CommunicationStatistics, CommuneBroadcasts } from "./communication-statistics.type";

const KIND_ORDER: readonly string[] = Object.values(ActivityKind);

export function toStatistics(period: string, rows: readonly StatisticsRow[]): CommunicationStatistics {
  const sum = (pick: (row: StatisticsRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const costs = rows.filter((row) => row.cost !== null);
  return {
    period,
    activities: sum((r) => r.activities),
    reached: sexCounts(
      sum((r) => r.reached_male),
      sum((r) => r.reached_female),
    ),
    trainingParticipants: sexCounts(
      sum((r) => r.participants_male),
      sum((r) => r.participants_female),
    ),
    officialsTrained: sexCounts(
      sum((r) => r.officials_male),
      sum((r) => r.officials_female),
    ),
    byKind: [...rows]
      .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind))
      .map((row) => ({ kind: row.kind, activities: row.activities, reached: sexCounts(row.reached_male, row.reached_female) })),
    cost: costs.length > 0 ? costs.reduce((total, row) => total + (row.cost ?? 0), 0) : null,
  };
}

const MONTH = /^\d{6}$/;

export class CommunicationStatisticsService {
  private readonly loader: DataLoader<{ areaCode: string; period: string }, CommunicationStatistics, string>;

  constructor(private readonly deps: { store: ActivityStore; hierarchy: AreaHierarchy; scope: AreaScope }) {
    this.loader = new DataLoader(
      async (keys) => {
        const byPeriod = new Map<string, string[]>();
        for (const { areaCode, period } of keys) byPeriod.set(period, [...(byPeriod.get(period) ?? []), areaCode]);
        const rows = new Map<string, StatisticsRow[]>();
        for (const [period, areaCodes] of byPeriod) {
          for (const row of await deps.store.statistics(areaCodes, periodMonths(period)!)) {
            const key = `${period} ${row.area_code}`;
            rows.set(key, [...(rows.get(key) ?? []), row]);
          }
        }
        return keys.map(({ areaCode, period }) => toStatistics(period, rows.get(`${period} ${areaCode}`) ?? []));
      },
      { cacheKeyFn: ({ areaCode, period }) => `${period} ${areaCode}` },
    );
  }

  async forArea(areaCode: string, period: string): Promise<CommunicationStatistics> {
    const problem = periodMonthsProblem(period);
    if (problem) throw new BadUserInputError(problem, { field: "period" });
    await this.deps.scope.assertContains([areaCode], "read communication statistics", await this.deps.hierarchy.versionForPeriod(period));
    return this.loader.load({ areaCode, period });
  }

  /** The communes at or beneath the area with fewer than `fewerThan` broadcasts in the month, zero included. */
  async communesWithFewBroadcasts(areaCode: string, month: string, fewerThan: number): Promise<CommuneBroadcasts[]> {
    if (!MONTH.test(month) || !periodMonths(month)) throw new BadUserInputError(`month "${month}" must be YYYYMM, e.g. 202311`, { field: "month" });
    if (!Number.isInteger(fewerThan) || fewerThan < 1)
      throw new BadUserInputError(`fewerThan must be a whole number >= 1, got ${fewerThan}`, { field: "fewerThan" });
    const version = await this.deps.hierarchy.versionForPeriod(month);
    await this.deps.scope.assertContains([areaCode], "read communication statistics", version);
    const communes = await this.deps.hierarchy.communesWithin(areaCode, version);
    const counts = new Map((await this.deps.store.broadcastCounts(communes, [month])).map((row) => [row.areaCode, row.broadcasts]));
    return communes
      .map((code) => ({ area: areaInPeriod(code, month), broadcasts: counts.get(code) ?? 0 }))
      .filter((row) => row.broadcasts < fewerThan)
      .sort((a, b) => a.broadcasts - b.broadcasts || a.area.code.localeCompare(b.area.code));
  }
}
