// Area statistics from case records: counts only, rolled up the area tree, suppressed for every caller who
// may not see the records themselves (docs/decisions/0031-case-statistics-suppression.md).
import {
  type AreaDirectory,
  type AreaHierarchy,
  type AreaPlacement,
  BadUserInputError,
  type DisclosureRule,
  type AreaScope,
  selfAndAncestors,
  suppressedCells,
} from "@vnge/shared";
import { AgeGroup, CaseSex, SupportService, ViolenceForm } from "../case-record/case-record.enums";
import { CaseYear, yearVersionMismatch } from "../case-record/case-year";
import type { CaseCount, CaseStatistics } from "./case-statistics.type";
import type { CaseStatisticsStore } from "./case-statistics.store";
import { engineConstraints } from "./shared-cells";
import { type Categories, type CommuneCounts, type Dimension, TOTAL, buildStatisticsTable, cellKey, cellName } from "./statistics-table";

export const CATEGORIES: Categories = {
  sex: Object.values(CaseSex),
  ageGroup: Object.values(AgeGroup),
  form: Object.values(ViolenceForm),
  service: Object.values(SupportService),
};

interface YearTable {
  values: Map<string, number>;
  hidden: Set<string>;
}

export class CaseStatisticsService {
  /** One table per year and request: every area asked for in a request reads the same computation. */
  private readonly tables = new Map<number, Promise<YearTable>>();

  constructor(
    /** The request's areas: one read of the hierarchy versions per request. */
    private readonly areas: AreaDirectory,
    private readonly store: CaseStatisticsStore,
    private readonly caller: { scope: AreaScope },
    /** The one disclosure rule (docs/decisions/0080): who sees every count, and the threshold for everyone else. */
    private readonly disclosure: DisclosureRule,
  ) {}

  /** Case workers in scope and administrators see every count; everyone else (partners always) sees suppressed ones. */
  get fullView(): boolean {
    return this.disclosure.exactConfidential;
  }

  private get hierarchy(): AreaHierarchy {
    return this.areas.hierarchy;
  }

  private get threshold(): number {
    return this.disclosure.threshold;
  }

  /** `hierarchy`: the version the area reference names, when it names one. */
  async forArea(areaCode: string, period: string, hierarchy?: string): Promise<CaseStatistics> {
    const year = parseYear(period);
    const version = await this.hierarchy.versionForPeriod(period);
    if (hierarchy !== undefined && hierarchy !== version) {
      throw new BadUserInputError(yearVersionMismatch("case statistics", period, version, areaCode, hierarchy), { field: "period" });
    }
    await this.caller.scope.assertContains([areaCode], "read case statistics", version);
    const { values, hidden } = await this.table(year);
    const count = (key: string): CaseCount => {
      const name = cellName(areaCode, key);
      return hidden.has(name) ? { count: null, suppressed: true } : { count: values.get(name) ?? 0, suppressed: false };
    };
    const by = <T>(dimension: Dimension, build: (category: string, cell: CaseCount) => T): T[] =>
      CATEGORIES[dimension].map((category) => build(category, count(cellKey(dimension, category))));
    return {
      period,
      total: count(TOTAL),
      bySex: by("sex", (sex, cell) => ({ sex: sex as CaseSex, ...cell })),
      byAgeGroup: by("ageGroup", (ageGroup, cell) => ({ ageGroup: ageGroup as AgeGroup, ...cell })),
      byForm: by("form", (form, cell) => ({ form: form as ViolenceForm, ...cell })),
      byService: by("service", (service, cell) => ({ service: service as SupportService, ...cell })),
      suppressionThreshold: this.fullView ? null : this.threshold,
    };
  }

  private table(year: number): Promise<YearTable> {
    let table = this.tables.get(year);
    if (!table) {
      table = this.compute(year);
      this.tables.set(year, table);
    }
    return table;
  }

  private async compute(year: number): Promise<YearTable> {
    // A year's areas are those of the version in force at its end; records of an earlier version's months
    // are counted in the commune their commune became (decision 0078).
    const hierarchy = this.hierarchy;
    const caseYear = await CaseYear.of(this.areas, year);
    const merged = new Map<string, Map<string, number>>();
    for (const stretch of caseYear.stretches) {
      const counts = await this.store.communeCounts(stretch.from, stretch.to);
      const countedIn =
        stretch.version === caseYear.version
          ? null
          : await caseYear.countedIn(
              counts.map((c) => c.areaCode),
              stretch.version,
            );
      for (const commune of counts) {
        const areaCode = countedIn ? countedIn.get(commune.areaCode) : commune.areaCode;
        if (areaCode === undefined) continue;
        const into = merged.get(areaCode) ?? new Map<string, number>();
        merged.set(areaCode, into);
        for (const [key, count] of commune.counts) into.set(key, (into.get(key) ?? 0) + count);
      }
    }
    const communes: CommuneCounts[] = [...merged].map(([areaCode, counts]) => ({ areaCode, counts }));
    const version = caseYear.version;
    const communePlaces = await hierarchy.placements(
      communes.map((c) => c.areaCode),
      version,
    );
    const ancestors = [...communePlaces.values()].flatMap((place) => selfAndAncestors(place));
    const places = new Map<string, AreaPlacement>([...(await hierarchy.placements(ancestors, version)), ...communePlaces]);
    const { values, equations } = buildStatisticsTable(communes, places, CATEGORIES);
    // Suppression is decided over the whole country's table, so every area's figures, however combined, agree;
    // the cells the indicator engine also publishes are hidden exactly where it hides them (decision 0080).
    const hidden = this.fullView ? new Set<string>() : suppressedCells(values, equations, this.threshold, engineConstraints(communes, places, this.threshold));
    return { values, hidden };
  }
}

function parseYear(period: string): number {
  if (!/^\d{4}$/.test(period) || Number(period) < 1900 || Number(period) > 2100) {
    throw new BadUserInputError(`period "${period}" must be a year between 1900 and 2100 (case statistics are yearly)`, { field: "period" });
  }
  return Number(period);
}
