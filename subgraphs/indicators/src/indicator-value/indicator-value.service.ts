// Rules of the read path: checks a request's size and codes, then computes values in batches
// (see docs/decisions/0011-rollup-and-completeness.md). A value is expressed on the areas of one
// hierarchy version; a period whose data belong to another version is carried over through the
// crosswalk of the two (docs/decisions/0060-hierarchy-versions.md).
import {
  type AreaLevel,
  type AreaRecord,
  type AreaDirectory,
  AreaScope,
  BadUserInputError,
  type DataElementRecord,
  type DataValueStatus,
  ForbiddenError,
  type IndicatorRecord,
  levelDepth,
  collectionLevelIn,
  NATION_CODE,
  parsePeriod,
  periodEndDate,
  periodProblem,
  type Page,
  checkPage,
  pageOf,
} from "@vnge/shared";
import DataLoader from "dataloader";
import { type AreaLoaders, recordKey } from "../area/area.loader";
import { type AreaStore, areaKey } from "../area/area.store";
import type { DataElementLoaders } from "../data-element/data-element.loader";
import { ALL_HIDDEN, type ConfidentialTerm, type FigureDisclosure, type HiddenParts, NOTHING_HIDDEN } from "../disclosure/figure-disclosure";
import type { IndicatorLoaders } from "../indicator/indicator.loader";
import { type ComputedValue, type ElementSums, type IndicatorShape, apportionedShare, completeness, computeIndicator } from "./indicator-arithmetic";
import { type IndicatorValueKey, type IndicatorValueLoader, createIndicatorValueLoader, valueKeyString as valueKey } from "./indicator-value.loader";
import type { ElementSumRow, ExpectedAreasRow, IndicatorValueStore } from "./indicator-value.store";
import type { IndicatorValue } from "./indicator-value.type";

export const MAX_INDICATORS = 100;
export const MAX_PERIODS = 20;
/** Indicators x periods x areas in one request. */
export const MAX_VALUES = 50_000;

export interface IndicatorValueDependencies {
  store: IndicatorValueStore;
  /** The caller's areas: values are computed only for areas inside it, whatever path asks for them. */
  scope: AreaScope;
  /** The disclosure rule for this caller: confidential figures suppressed, unapproved ones withheld (docs/decisions/0080). */
  disclosure: FigureDisclosure;
  areaStore: AreaStore;
  loaders: { area: AreaLoaders; indicator: IndicatorLoaders; dataElement: DataElementLoaders };
  /** The request's areas: the hierarchy versions, read once per request, and the areas at or beneath an owner. */
  areas: AreaDirectory;
}

const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];

/** The problems of a request's indicator codes and periods, before any lookup. */
export function requestShapeProblems(indicatorCodes: readonly string[], periods: readonly string[]): string[] {
  const problems: string[] = [];
  if (indicatorCodes.length === 0) problems.push("indicatorCodes must name at least one indicator");
  if (indicatorCodes.length > MAX_INDICATORS) problems.push(`at most ${MAX_INDICATORS} indicators per request, got ${indicatorCodes.length}`);
  if (periods.length === 0) problems.push("periods must name at least one period");
  if (periods.length > MAX_PERIODS) problems.push(`at most ${MAX_PERIODS} periods per request, got ${periods.length}`);
  for (const period of unique(periods)) {
    const problem = periodProblem(period);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** Where a value's inputs stand. */
export interface ValueProvenance {
  status: DataValueStatus;
  updatedAt: Date;
}

/** The data elements an indicator is computed from. */
const elementsOf = (indicator: Pick<IndicatorRecord, "numeratorElementCode" | "denominatorElementCode">): string[] =>
  indicator.denominatorElementCode ? [indicator.numeratorElementCode, indicator.denominatorElementCode] : [indicator.numeratorElementCode];

type ValueBase = Pick<IndicatorValue, "indicator" | "area" | "period" | "hierarchy" | "sourceHierarchy">;
type ValueState = Pick<IndicatorValue, "completeness" | "withheld" | "suppressed" | "approximate" | "approximateShare">;

/** One value as a literal of fixed shape: object spreads here cost more than the arithmetic (a rollup makes thousands). */
function indicatorValue(base: ValueBase, computed: ComputedValue, state: ValueState): IndicatorValue {
  return {
    indicator: base.indicator,
    area: base.area,
    period: base.period,
    hierarchy: base.hierarchy,
    sourceHierarchy: base.sourceHierarchy,
    total: computed.total,
    male: computed.male,
    female: computed.female,
    femaleToMaleRatio: computed.femaleToMaleRatio,
    numerator: computed.numerator,
    denominator: computed.denominator,
    completeness: state.completeness,
    withheld: state.withheld,
    suppressed: state.suppressed,
    approximate: state.approximate,
    approximateShare: state.approximateShare,
  };
}

/** A value with the parts the disclosure rule hides nulled; the ratio needs both sexes. */
function withoutHiddenParts(computed: ComputedValue, parts: HiddenParts): ComputedValue {
  if (!parts.total && !parts.male && !parts.female) return computed;
  const breakdown = (b: ComputedValue["numerator"]) => ({
    total: parts.total ? null : b.total,
    male: parts.male ? null : b.male,
    female: parts.female ? null : b.female,
  });
  return {
    total: parts.total ? null : computed.total,
    male: parts.male ? null : computed.male,
    female: parts.female ? null : computed.female,
    femaleToMaleRatio: parts.male || parts.female ? null : computed.femaleToMaleRatio,
    numerator: breakdown(computed.numerator),
    denominator: computed.denominator && breakdown(computed.denominator),
  };
}

export class IndicatorValueService {
  readonly loader: IndicatorValueLoader;

  /** Provenance is read only when asked for, in one batch per request: dashboards that do not ask pay nothing. */
  private readonly provenanceLoader: DataLoader<IndicatorValue, ValueProvenance | null, string>;

  constructor(private readonly deps: IndicatorValueDependencies) {
    this.loader = createIndicatorValueLoader((keys) => this.compute(keys));
    this.provenanceLoader = new DataLoader((values) => this.provenanceOf(values), {
      cacheKeyFn: (value) => valueKey({ indicatorCode: value.indicator.code, areaCode: value.area.code, hierarchy: value.hierarchy, period: value.period }),
    });
  }

  /**
   * The least final status of the stored values a value is computed from and when the latest was submitted;
   * null when the value has no figure for the caller (no data, withheld or suppressed).
   */
  provenance(value: IndicatorValue): Promise<ValueProvenance | null> {
    return this.provenanceLoader.load(value);
  }

  private async provenanceOf(values: readonly IndicatorValue[]): Promise<(ValueProvenance | null)[]> {
    const found = new Map<string, ValueProvenance>();
    const groups = new Map<string, IndicatorValue[]>();
    for (const value of values) {
      const group = `${value.sourceHierarchy}|${value.hierarchy}`;
      groups.set(group, [...(groups.get(group) ?? []), value]);
    }
    await Promise.all(
      [...groups.values()].map(async (group) => {
        const { sourceHierarchy, hierarchy } = group[0];
        const rows = await this.deps.store.provenance(
          unique(group.flatMap((value) => elementsOf(value.indicator))),
          unique(group.map((value) => value.period)),
          sourceHierarchy,
          hierarchy,
          unique(group.map((value) => value.area.code)),
        );
        for (const row of rows) found.set(`${sourceHierarchy}|${hierarchy}|${row.target}|${row.element}|${row.period}`, row);
      }),
    );
    return values.map((value) => {
      if (value.total === null && value.male === null && value.female === null) return null;
      const inputs = elementsOf(value.indicator)
        .map((element) => found.get(`${value.sourceHierarchy}|${value.hierarchy}|${value.area.code}|${element}|${value.period}`))
        .filter((row) => row !== undefined);
      if (inputs.length === 0) return null;
      const statuses = inputs.map((row) => row.status);
      return {
        status: statuses.includes("ESTIMATED") ? "ESTIMATED" : statuses.includes("PROVISIONAL") ? "PROVISIONAL" : "FINAL",
        updatedAt: new Date(Math.max(...inputs.map((row) => row.updatedAt.getTime()))),
      };
    });
  }

  async rollup(
    indicatorCodes: string[],
    periods: string[],
    parentCode: string,
    level: AreaLevel | undefined,
    hierarchy?: string,
    page: Page = {},
  ): Promise<IndicatorValue[]> {
    this.assertShape(indicatorCodes, periods);
    checkPage(page);
    const version = await this.versionFor(periods, hierarchy);
    const parent = await this.deps.loaders.area.byKey.load(areaKey(version, parentCode));
    if (!parent) throw new BadUserInputError(`unknown area "${parentCode}" in hierarchy ${version}`, { field: "parentCode" });
    const targetLevel = level ?? parent.level;
    if (levelDepth(targetLevel) < levelDepth(parent.level)) {
      throw new BadUserInputError(`level ${targetLevel} is above area ${parent.code} (${parent.level}); ask for ${parent.level} or a level beneath it`, {
        field: "level",
      });
    }
    await this.assertIndicators(indicatorCodes);
    let areas: AreaRecord[] = pageOf([parent], page, (area) => area.code);
    if (targetLevel !== parent.level) {
      const countEstimate = unique(indicatorCodes).length * unique(periods).length;
      areas = await this.deps.areaStore.findByLevel(targetLevel, parent.level === "NATION" ? undefined : parent.code, version, page);
      this.assertFanOut(countEstimate * areas.length);
      for (const area of areas) this.deps.loaders.area.byKey.prime(recordKey(area), area);
    }
    await this.deps.scope.assertContains(
      areas.map((area) => area.code),
      "read indicator values",
      version,
    );
    return this.valuesFor(
      unique(indicatorCodes),
      unique(periods),
      version,
      areas.map((area) => area.code),
    );
  }

  async forArea(areaCode: string, hierarchy: string, indicatorCodes: string[], periods: string[]): Promise<IndicatorValue[]> {
    this.assertShape(indicatorCodes, periods);
    await this.assertIndicators(indicatorCodes);
    await this.deps.scope.assertContains([areaCode], "read indicator values", hierarchy);
    return this.valuesFor(unique(indicatorCodes), unique(periods), hierarchy, [areaCode]);
  }

  /** One value; the area is read in `hierarchy`, or in the version the period's data belong to. */
  async forIndicator(indicatorCode: string, areaCode: string, period: string, hierarchy?: string): Promise<IndicatorValue> {
    const problem = periodProblem(period);
    if (problem) throw new BadUserInputError(problem, { field: "period" });
    const version = await this.versionFor([period], hierarchy);
    const area = await this.deps.loaders.area.byKey.load(areaKey(version, areaCode));
    if (!area) throw new BadUserInputError(`unknown area "${areaCode}" in hierarchy ${version}`, { field: "areaCode" });
    await this.deps.scope.assertContains([areaCode], "read indicator values", version);
    return this.loader.load({ indicatorCode, areaCode, hierarchy: version, period });
  }

  /** The version asked for (checked), else the one the latest period's data belong to. */
  async versionFor(periods: readonly string[], hierarchy: string | undefined | null): Promise<string> {
    const timeline = await this.deps.areas.timeline();
    if (hierarchy) return timeline.require(hierarchy).code;
    const ends = periods
      .map((period) => parsePeriod(period))
      .filter((p) => p !== null)
      .map((p) => periodEndDate(p));
    return ends.length === 0 ? timeline.current().code : timeline.on(ends.sort().at(-1)!).code;
  }

  private assertShape(indicatorCodes: readonly string[], periods: readonly string[]): void {
    const problems = requestShapeProblems(indicatorCodes, periods);
    if (problems.length > 0) throw new BadUserInputError(problems.join("; "));
  }

  private assertFanOut(values: number): void {
    if (values > MAX_VALUES) {
      throw new BadUserInputError(
        `the request asks for ${values} indicator values; at most ${MAX_VALUES} per request (ask for fewer areas, indicators or periods)`,
      );
    }
  }

  private async assertIndicators(codes: readonly string[]): Promise<void> {
    const found = await this.deps.loaders.indicator.byCode.loadMany(unique(codes));
    const unknown = unique(codes).filter((_, i) => !found[i] || found[i] instanceof Error);
    if (unknown.length > 0) {
      throw new BadUserInputError(`unknown indicator code${unknown.length === 1 ? "" : "s"} ${unknown.map((c) => `"${c}"`).join(", ")}`, {
        field: "indicatorCodes",
      });
    }
  }

  private async valuesFor(indicatorCodes: string[], periods: string[], hierarchy: string, areaCodes: string[]): Promise<IndicatorValue[]> {
    const keys: IndicatorValueKey[] = [];
    for (const areaCode of areaCodes) {
      for (const indicatorCode of indicatorCodes) for (const period of periods) keys.push({ indicatorCode, areaCode, hierarchy, period });
    }
    const values = await this.loader.loadMany(keys);
    const failed = values.find((value): value is Error => value instanceof Error);
    if (failed) throw failed;
    return values as IndicatorValue[];
  }

  /** The batch function: the values of each hierarchy version the keys name, from a few aggregate statements each. */
  private async compute(keys: readonly IndicatorValueKey[]): Promise<(IndicatorValue | Error)[]> {
    const results = new Map<IndicatorValueKey, IndicatorValue | Error>();
    for (const version of unique(keys.map((key) => key.hierarchy))) {
      const subset = keys.filter((key) => key.hierarchy === version);
      const values = await this.computeInVersion(version, subset);
      for (const [i, key] of subset.entries()) results.set(key, values[i]);
    }
    return keys.map((key) => results.get(key)!);
  }

  private async computeInVersion(version: string, keys: readonly IndicatorValueKey[]): Promise<(IndicatorValue | Error)[]> {
    const { loaders, store } = this.deps;
    const timeline = await this.deps.areas.timeline();
    const indicatorCodes = unique(keys.map((k) => k.indicatorCode));
    const areaCodes = unique(keys.map((k) => k.areaCode));
    const periods = unique(keys.map((k) => k.period));
    // Checked again here, where every value is computed: no path reaches a value outside the scope.
    const outside = new Set(await this.deps.scope.outside(areaCodes, version));
    const [indicatorRows, areaRows] = await Promise.all([
      loaders.indicator.byCode.loadMany(indicatorCodes),
      loaders.area.byKey.loadMany(areaCodes.map((code) => areaKey(version, code))),
    ]);
    const indicators = new Map<string, IndicatorRecord>();
    for (const [i, row] of indicatorRows.entries()) if (row && !(row instanceof Error)) indicators.set(indicatorCodes[i], row);
    const areas = new Map<string, AreaRecord>();
    for (const [i, row] of areaRows.entries()) if (row && !(row instanceof Error)) areas.set(areaCodes[i], row);

    const elementCodes = unique(
      [...indicators.values()].flatMap((i) => (i.denominatorElementCode ? [i.numeratorElementCode, i.denominatorElementCode] : [i.numeratorElementCode])),
    );
    const elementRows = await loaders.dataElement.byCode.loadMany(elementCodes);
    const elements = new Map<string, DataElementRecord>();
    for (const [i, row] of elementRows.entries()) if (row && !(row instanceof Error)) elements.set(elementCodes[i], row);

    // A local indicator's figures exist only at or beneath its owner: elsewhere (the nation, a neighbour) they would
    // be the owner's data under another area's name.
    const outsideOwner = new Map<string, Set<string>>();
    for (const owner of unique([...indicators.values()].map((i) => i.owner).filter((owner) => owner !== NATION_CODE))) {
      // A local indicator has figures only at or beneath its owner (decision 0084).
      outsideOwner.set(owner, new Set(await new AreaScope(this.deps.areas, [owner]).outside([...areas.keys()], version)));
    }
    const targets = [...areas.values()].filter((area) => !outside.has(area.code)).map((area) => ({ code: area.code, level: area.level }));
    // Periods whose data belong to this version read the running totals; the others are carried over.
    const sourceOf = new Map(periods.map((period) => [period, parsePeriod(period) ? timeline.forPeriod(period).code : version]));
    const native = periods.filter((period) => sourceOf.get(period) === version);
    const carried = new Map<string, string[]>();
    for (const period of periods)
      if (sourceOf.get(period) !== version) carried.set(sourceOf.get(period)!, [...(carried.get(sourceOf.get(period)!) ?? []), period]);

    const sumRows: ElementSumRow[] = [];
    const expected = new Map<string, number>();
    const addExpected = (source: string, rows: ExpectedAreasRow[]) => {
      for (const row of rows) expected.set(`${source}|${row.target}|${row.level}`, row.areas);
    };
    const work: Promise<void>[] = [];
    if (native.length > 0) {
      work.push(store.sumElements(elementCodes, native, targets).then((rows) => void sumRows.push(...rows)));
      work.push(store.countAreasBeneath(targets, version).then((rows) => addExpected(version, rows)));
    }
    for (const [source, sourcePeriods] of carried) {
      if (!(await store.hasCrosswalk(source, version))) {
        throw new BadUserInputError(
          `the data of ${sourcePeriods.join(", ")} belong to hierarchy ${source}, and no mapping from ${source} to ${version} has been imported`,
          { field: "hierarchy" },
        );
      }
      work.push(store.sumElementsAcross(elementCodes, sourcePeriods, source, version, targets).then((rows) => void sumRows.push(...rows)));
      work.push(store.countSourcesFeeding(source, version, targets).then((rows) => addExpected(source, rows)));
    }
    await Promise.all(work);
    const sums = new Map<string, ElementSums>(
      sumRows.map((row) => [
        `${row.target}|${row.element}|${row.period}`,
        { male: row.male, female: row.female, none: row.none, reportingAreas: row.reporting, apportioned: row.apportioned, magnitude: row.magnitude },
      ]),
    );
    const { disclosure } = this.deps;
    const publication = await disclosure.publication(elementCodes, periods, [...areas.values()]);
    const isPublished = (area: AreaRecord, period: string, used: readonly string[]) =>
      !publication || publication(area, period, used, sourceOf.get(period) !== version);
    // Confidential figures of each native period, decided on the country's table (carried ones are hidden whole).
    const confidential = new Set([...elements.values()].filter((element) => element.confidential).map((element) => element.code));
    const hiddenParts = new Map<string, HiddenParts>();
    if (!disclosure.exactConfidential && confidential.size > 0) {
      await Promise.all(
        keys.map(async (key) => {
          const indicator = indicators.get(key.indicatorCode);
          if (!indicator || !areas.has(key.areaCode)) return;
          const terms: ConfidentialTerm[] = [
            { element: indicator.numeratorElementCode, sex: indicator.numeratorSex },
            { element: indicator.denominatorElementCode ?? "", sex: indicator.denominatorSex },
          ].filter((term) => confidential.has(term.element));
          if (terms.length === 0) return;
          const native = sourceOf.get(key.period) === version;
          hiddenParts.set(valueKey(key), native ? await disclosure.hiddenParts(terms, key.areaCode, key.period, version) : ALL_HIDDEN);
        }),
      );
    }
    const hidden = (base: ValueBase, shape: IndicatorShape, state: Pick<ValueState, "withheld" | "suppressed">) =>
      indicatorValue(base, computeIndicator(shape, undefined, undefined), { completeness: null, ...state, approximate: false, approximateShare: null });

    return keys.map((key) => {
      const indicator = indicators.get(key.indicatorCode);
      if (!indicator) return new BadUserInputError(`unknown indicator code "${key.indicatorCode}"`, { field: "indicatorCodes" });
      const area = areas.get(key.areaCode);
      if (!area) return new BadUserInputError(`unknown area "${key.areaCode}" in hierarchy ${version}`, { field: "areaCode" });
      if (outside.has(area.code)) return new ForbiddenError(`You may not read indicator values for area ${area.code}: outside your assigned areas`);
      const numeratorElement = elements.get(indicator.numeratorElementCode)!;
      const denominatorElement = indicator.denominatorElementCode ? elements.get(indicator.denominatorElementCode)! : null;
      const shape: IndicatorShape = {
        numerator: { disaggregatedBySex: numeratorElement.disaggregatedBySex, sex: indicator.numeratorSex },
        denominator: denominatorElement ? { disaggregatedBySex: denominatorElement.disaggregatedBySex, sex: indicator.denominatorSex } : null,
        factor: indicator.factor,
        decimals: indicator.decimals,
      };
      const usedElements = denominatorElement ? [numeratorElement.code, denominatorElement.code] : [numeratorElement.code];
      const source = sourceOf.get(key.period)!;
      const base: ValueBase = { indicator, area, period: key.period, hierarchy: version, sourceHierarchy: source };
      if (outsideOwner.get(indicator.owner)?.has(area.code)) return hidden(base, shape, { withheld: false, suppressed: false });
      if (!isPublished(area, key.period, usedElements)) return hidden(base, shape, { withheld: true, suppressed: false });
      const parts = hiddenParts.get(valueKey(key)) ?? NOTHING_HIDDEN;
      if (parts.total && parts.male && parts.female) return hidden(base, shape, { withheld: false, suppressed: true });
      const numeratorSums = sums.get(`${area.code}|${numeratorElement.code}|${key.period}`);
      const denominatorSums = denominatorElement ? sums.get(`${area.code}|${denominatorElement.code}|${key.period}`) : undefined;
      const computed = withoutHiddenParts(computeIndicator(shape, numeratorSums, denominatorSums), parts);
      const share = source === version ? (numeratorSums || denominatorSums ? 0 : null) : apportionedShare(numeratorSums, denominatorSums);
      // The areas expected to report: those at the element's level in the source version (decision 0098).
      const reportingLevel = collectionLevelIn(numeratorElement.collectionLevel, numeratorElement.collectionLevelWithoutDistricts, timeline.get(source));
      return indicatorValue(base, computed, {
        completeness: completeness(numeratorSums?.reportingAreas ?? 0, expected.get(`${source}|${area.code}|${reportingLevel}`) ?? 0),
        withheld: false,
        suppressed: parts.total || parts.male || parts.female,
        approximate: (share ?? 0) > 0,
        approximateShare: share,
      });
    });
  }
}
