// Hands the case-derived aggregates to the indicator engine: after each case write for the commune-years
// it touched, and in full from the resync command (docs/decisions/0030-case-indicator-feed.md).
import type { AggregateValue, AreaDirectory, AreaHierarchy, Database, IndicatorFeed, Logger } from "@vnge/shared";
import { IndicatorFeedStatus } from "../case-record/case-record.enums";
import type { FeedKey } from "../case-record/case-record.store";
import { CaseYear } from "../case-record/case-year";
import { CaseFeedStore } from "./case-feed.store";
import { type CaseTally, communeValues, provinceValues } from "./case-feed.values";

/** Values per submitDataValues call, well under the engine's batch cap. */
const PUSH_CHUNK = 10_000;

export interface ResyncSummary {
  communeYears: number;
  values: number;
}

export class CaseFeed {
  private readonly store: CaseFeedStore;

  constructor(
    db: Database,
    /** The request's areas (one directory per run for the resync). */
    private readonly areas: AreaDirectory,
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

  /**
   * The values to push for the given commune-years. A key names a record's stored commune; its figures go
   * to the commune of the year's version that commune is counted in (decision 0078), recomputed from every
   * record counted there, whatever version it was recorded on.
   */
  async valuesFor(keys: readonly FeedKey[]): Promise<AggregateValue[]> {
    const { hierarchy } = this.areas;
    const values: AggregateValue[] = [];
    for (const period of new Set(keys.map((k) => k.period))) {
      const year = await CaseYear.of(this.areas, Number(period));
      const codes = [...new Set(keys.filter((k) => k.period === period).map((k) => k.areaCode))];
      const communes = await this.communesCountingIn(year, hierarchy, codes);
      const tallies = await this.talliesOf(year, communes);
      values.push(...communes.flatMap((code) => communeValues(code, period, tallies)));

      // The trafficking figures of every province those communes lie in, from all of the province's communes.
      const places = await hierarchy.placements(communes, year.version);
      const provinces = new Set([...places.values()].map((place) => place.provinceCode).filter((code): code is string => code !== null));
      for (const provinceCode of provinces) {
        const provinceTallies = await this.talliesOf(year, await hierarchy.communesWithin(provinceCode, year.version));
        values.push(...provinceValues(provinceCode, period, provinceTallies));
      }
    }
    return values;
  }

  /** The communes of the year's version that records stored with `codes` may be counted in (a code may name a commune in several versions). */
  private async communesCountingIn(year: CaseYear, hierarchy: AreaHierarchy, codes: readonly string[]): Promise<string[]> {
    const communes = new Set<string>();
    for (const stretch of year.stretches) {
      if (stretch.version === year.version) {
        const places = await hierarchy.placements(codes, year.version);
        for (const code of codes) if (places.get(code)?.level === "COMMUNE") communes.add(code);
      } else {
        for (const code of (await year.countedIn(codes, stretch.version)).values()) communes.add(code);
      }
    }
    return [...communes].sort();
  }

  /** Tallies of every record counted in `communes` (of the year's version), with the commune they are counted in. */
  private async talliesOf(year: CaseYear, communes: readonly string[]): Promise<CaseTally[]> {
    const tallies: CaseTally[] = [];
    for (const window of await year.windowsFor(communes)) {
      const found = await this.store.tallies(window);
      const countedIn = window.version === year.version ? null : await year.countedIn(window.areaCodes, window.version);
      for (const tally of found) tallies.push(countedIn ? { ...tally, areaCode: countedIn.get(tally.areaCode)! } : tally);
    }
    return tallies;
  }
}
