// Hands the case-derived aggregates to the indicator engine: after each case write for the commune-years
// it touched, and in full from the resync command (docs/decisions/0030-case-indicator-feed.md).
import { type AggregateValue, type Database, type IndicatorFeed, type Logger, AreaHierarchy } from "@vnge/shared";
import { IndicatorFeedStatus } from "../case-record/case-record.enums";
import type { FeedKey } from "../case-record/case-record.store";
import { CaseFeedStore } from "./case-feed.store";
import { communeValues, provinceValues } from "./case-feed.values";

/** Values per submitDataValues call, well under the engine's batch cap. */
const PUSH_CHUNK = 10_000;

export interface ResyncSummary {
  communeYears: number;
  values: number;
}

export class CaseFeed {
  private readonly store: CaseFeedStore;

  constructor(
    private readonly db: Database,
    private readonly feed: Pick<IndicatorFeed, "push">,
    private readonly logger: Pick<Logger, "warn">,
  ) {
    this.store = new CaseFeedStore(db);
  }

  /**
   * Recomputes and pushes the aggregates of the given commune-years (and their provinces' trafficking
   * figures). Never throws: a failed push leaves the keys pending, to be retried by the next write to the
   * same commune-year or by `npm run cases:resync`; the case write it follows stands.
   */
  async pushAfterWrite(keys: readonly FeedKey[], requestId: string): Promise<IndicatorFeedStatus> {
    try {
      await this.push(keys, requestId);
      return IndicatorFeedStatus.PUSHED;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn({ err: error, keys }, "case aggregates not pushed to the indicator engine; left pending");
      await this.store.markFailed(keys, message).catch(() => undefined);
      return IndicatorFeedStatus.PENDING;
    }
  }

  /** Recomputes and pushes every commune-year (or only the pending ones); throws when a push fails. */
  async resync(options: { pendingOnly?: boolean; requestId?: string } = {}): Promise<ResyncSummary> {
    const keys = await this.store.keys(options.pendingOnly ?? false);
    const values = await this.push(keys, options.requestId);
    return { communeYears: keys.length, values };
  }

  private async push(keys: readonly FeedKey[], requestId?: string): Promise<number> {
    if (keys.length === 0) return 0;
    const since = new Date();
    const values = await this.valuesFor(keys);
    for (let start = 0; start < values.length; start += PUSH_CHUNK) {
      await this.feed.push(values.slice(start, start + PUSH_CHUNK), requestId);
    }
    await this.store.markPushed(keys, since);
    return values.length;
  }

  /** The values to push for the given commune-years. */
  async valuesFor(keys: readonly FeedKey[]): Promise<AggregateValue[]> {
    const unique = [...new Map(keys.map((key) => [`${key.areaCode}/${key.period}`, key])).values()];
    const tallies = await this.store.tallies(unique.map((k) => k.areaCode), unique.map((k) => k.period));
    const values = unique.flatMap((key) => communeValues(key.areaCode, key.period, tallies));

    // Each year's communes and provinces are those of the hierarchy version its data belong to.
    const hierarchy = new AreaHierarchy(this.db);
    const provinceYears = new Map<string, { provinceCode: string; period: string; version: string }>();
    for (const period of new Set(unique.map((k) => k.period))) {
      const version = await hierarchy.versionForPeriod(period);
      const keys = unique.filter((k) => k.period === period);
      const places = await hierarchy.placements(keys.map((k) => k.areaCode), version);
      for (const key of keys) {
        const provinceCode = places.get(key.areaCode)?.provinceCode;
        if (provinceCode) provinceYears.set(`${provinceCode}/${period}`, { provinceCode, period, version });
      }
    }
    for (const { provinceCode, period, version } of provinceYears.values()) {
      const provinceTallies = await this.store.tallies(await hierarchy.communesWithin(provinceCode, version), [period]);
      values.push(...provinceValues(provinceCode, period, provinceTallies));
    }
    return values;
  }
}
