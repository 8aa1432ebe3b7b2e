// Hands the indicator engine the communication aggregates after each write (docs/decisions/0041):
// broadcasts per commune, people reached and officials trained per province, by month (YYYYMM) and
// by year (YYYY). Each push recomputes the affected aggregates from every stored activity, so it is
// an idempotent upsert: repeating it, or running a resync, converges on the same values.
import { type AggregateValue, type Logger, periodMonths } from "@vnge/shared";
import type { ActivityKind } from "../activity/activity.enums";
import type { ActivityStore, SexSums } from "../activity/activity.store";

export const FEED_ELEMENTS = {
  broadcasts: "COMM_BROADCASTS",
  peopleReached: "COMM_PEOPLE_REACHED",
  officialsTrained: "COMM_OFFICIALS_TRAINED",
} as const;

/** Where and when an activity was counted: enough to know which aggregates it changes. */
export interface ActivityPlace {
  areaCode: string;
  provinceCode: string | null;
  districtCode: string | null;
  month: string;
  kind: ActivityKind;
}

/**
 * A commune's row lies in a province and is neither the province nor a district. Communes of a version without
 * districts (2025-07 on) lie directly beneath their province, so having a district is no test (decision 0098).
 */
export const isCommune = (place: Pick<ActivityPlace, "areaCode" | "provinceCode" | "districtCode">) =>
  place.provinceCode !== null && place.areaCode !== place.provinceCode && place.areaCode !== place.districtCode;

const PUSH_CHUNK = 10_000;

export interface FeedPusher {
  push(values: readonly AggregateValue[], requestId?: string): Promise<unknown>;
}

export class CommunicationFeed {
  constructor(
    private readonly store: ActivityStore,
    private readonly feed: FeedPusher,
    private readonly logger: Logger,
    private readonly requestId: string,
  ) {}

  /** The values the engine should hold for the aggregates the places touch. */
  async aggregatesFor(places: readonly ActivityPlace[]): Promise<AggregateValue[]> {
    const years = [...new Set(places.map((p) => p.month.slice(0, 4)))];
    const yearMonths = years.flatMap((year) => periodMonths(year) ?? []);
    const touchedMonths = new Set(places.map((p) => p.month));
    const communes = [...new Set(places.filter((p) => p.kind === "BROADCAST" && isCommune(p)).map((p) => p.areaCode))];
    const provinces = [...new Set(places.map((p) => p.provinceCode).filter((code): code is string => code !== null))];
    const [broadcasts, sums] = await Promise.all([this.store.broadcastCounts(communes, yearMonths), this.store.provinceSums(provinces, yearMonths)]);

    const values: AggregateValue[] = [];
    const add = (dataElementCode: string, areaCode: string, period: string, sex: AggregateValue["sex"], value: number) =>
      values.push({ dataElementCode, areaCode, period, sex, value });

    const touchedBroadcasts = new Set(places.filter((p) => p.kind === "BROADCAST" && isCommune(p)).map((p) => `${p.areaCode} ${p.month}`));
    const broadcastYears = new Map<string, number>();
    for (const row of broadcasts) {
      if (touchedBroadcasts.has(`${row.areaCode} ${row.month}`)) add(FEED_ELEMENTS.broadcasts, row.areaCode, row.month, null, row.broadcasts);
      const key = `${row.areaCode} ${row.month.slice(0, 4)}`;
      broadcastYears.set(key, (broadcastYears.get(key) ?? 0) + row.broadcasts);
    }
    for (const [key, total] of broadcastYears) {
      const [areaCode, year] = key.split(" ");
      add(FEED_ELEMENTS.broadcasts, areaCode, year, null, total);
    }

    const provinceYears = new Map<string, { reached: SexSums; officialsTrained: SexSums }>();
    const addSexes = (element: string, areaCode: string, period: string, sums: SexSums) => {
      add(element, areaCode, period, "MALE", sums.male);
      add(element, areaCode, period, "FEMALE", sums.female);
    };
    for (const row of sums) {
      if (touchedMonths.has(row.month)) {
        addSexes(FEED_ELEMENTS.peopleReached, row.provinceCode, row.month, row.reached);
        addSexes(FEED_ELEMENTS.officialsTrained, row.provinceCode, row.month, row.officialsTrained);
      }
      const key = `${row.provinceCode} ${row.month.slice(0, 4)}`;
      const year = provinceYears.get(key) ?? { reached: { male: 0, female: 0 }, officialsTrained: { male: 0, female: 0 } };
      year.reached.male += row.reached.male;
      year.reached.female += row.reached.female;
      year.officialsTrained.male += row.officialsTrained.male;
      year.officialsTrained.female += row.officialsTrained.female;
      provinceYears.set(key, year);
    }
    for (const [key, year] of provinceYears) {
      const [areaCode, period] = key.split(" ");
      addSexes(FEED_ELEMENTS.peopleReached, areaCode, period, year.reached);
      addSexes(FEED_ELEMENTS.officialsTrained, areaCode, period, year.officialsTrained);
    }
    return values;
  }

  /**
   * Recomputes and pushes the aggregates the places touch. The activities are already stored, so a
   * failure is logged and reported (false), never thrown: the next write or a resync repairs it.
   */
  async refresh(places: readonly ActivityPlace[]): Promise<boolean> {
    if (places.length === 0) return true;
    try {
      return await this.deliver(await this.aggregatesFor(places));
    } catch (error) {
      return this.failed(error);
    }
  }

  /** Recomputes and pushes every aggregate of a year from the stored activities. */
  async resyncYear(year: number): Promise<{ values: number; delivered: boolean }> {
    const values = await this.aggregatesFor(await this.store.placesInYear(year));
    try {
      return { values: values.length, delivered: await this.deliver(values) };
    } catch (error) {
      return { values: values.length, delivered: this.failed(error) };
    }
  }

  private async deliver(values: readonly AggregateValue[]): Promise<true> {
    for (let start = 0; start < values.length; start += PUSH_CHUNK) {
      await this.feed.push(values.slice(start, start + PUSH_CHUNK), this.requestId);
    }
    return true;
  }

  private failed(error: unknown): false {
    this.logger.warn(
      { err: error },
      "communication aggregates not delivered to the indicators service; the next write or resyncCommunicationIndicators refreshes them",
    );
    return false;
  }
}
