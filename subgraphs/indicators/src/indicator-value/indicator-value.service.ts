// Rules of the read path: checks a request's size and codes, then computes values in batches
// (see docs/decisions/0011-rollup-and-completeness.md).
import {
  type AreaLevel,
  type AreaRecord,
  type AreaScope,
  BadUserInputError,
  type DataElementRecord,
  ForbiddenError,
  type IndicatorRecord,
  levelDepth,
  periodProblem,
  selfAndAncestors,
} from "@vnge/shared";
import type { AreaLoaders } from "../area/area.loader";
import type { AreaStore } from "../area/area.store";
import type { DataElementLoaders } from "../data-element/data-element.loader";
import type { IndicatorLoaders } from "../indicator/indicator.loader";
import { type ElementSums, type IndicatorShape, completeness, computeIndicator } from "./indicator-arithmetic";
import { type IndicatorValueKey, type IndicatorValueLoader, createIndicatorValueLoader } from "./indicator-value.loader";
import { type IndicatorValueStore, approvalKey } from "./indicator-value.store";
import type { IndicatorValue } from "./indicator-value.type";

export const MAX_INDICATORS = 100;
export const MAX_PERIODS = 20;
/** Indicators x periods x areas in one request. */
export const MAX_VALUES = 50_000;

export interface IndicatorValueDependencies {
  store: IndicatorValueStore;
  /** The caller's areas: values are computed only for areas inside it, whatever path asks for them. */
  scope: AreaScope;
  /** Partners see approved data only (the visibility rule, docs/decisions/0054). */
  approvedOnly: boolean;
  areaStore: AreaStore;
  loaders: { area: AreaLoaders; indicator: IndicatorLoaders; dataElement: DataElementLoaders };
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

export class IndicatorValueService {
  readonly loader: IndicatorValueLoader;

  constructor(private readonly deps: IndicatorValueDependencies) {
    this.loader = createIndicatorValueLoader((keys) => this.compute(keys));
  }

  async rollup(indicatorCodes: string[], periods: string[], parentCode: string, level: AreaLevel | undefined): Promise<IndicatorValue[]> {
    this.assertShape(indicatorCodes, periods);
    const parent = await this.deps.loaders.area.byCode.load(parentCode);
    if (!parent) throw new BadUserInputError(`unknown area "${parentCode}"`, { field: "parentCode" });
    const targetLevel = level ?? parent.level;
    if (levelDepth(targetLevel) < levelDepth(parent.level)) {
      throw new BadUserInputError(`level ${targetLevel} is above area ${parent.code} (${parent.level}); ask for ${parent.level} or a level beneath it`, {
        field: "level",
      });
    }
    await this.assertIndicators(indicatorCodes);
    let areas: AreaRecord[] = [parent];
    if (targetLevel !== parent.level) {
      const countEstimate = unique(indicatorCodes).length * unique(periods).length;
      areas = await this.deps.areaStore.findByLevel(targetLevel, parent.level === "NATION" ? undefined : parent.code);
      this.assertFanOut(countEstimate * areas.length);
      for (const area of areas) this.deps.loaders.area.byCode.prime(area.code, area);
    }
    await this.deps.scope.assertContains(areas.map((area) => area.code), "read indicator values");
    return this.valuesFor(unique(indicatorCodes), unique(periods), areas.map((area) => area.code));
  }

  async forArea(areaCode: string, indicatorCodes: string[], periods: string[]): Promise<IndicatorValue[]> {
    this.assertShape(indicatorCodes, periods);
    await this.assertIndicators(indicatorCodes);
    await this.deps.scope.assertContains([areaCode], "read indicator values");
    return this.valuesFor(unique(indicatorCodes), unique(periods), [areaCode]);
  }

  async forIndicator(indicatorCode: string, areaCode: string, period: string): Promise<IndicatorValue> {
    const problem = periodProblem(period);
    if (problem) throw new BadUserInputError(problem, { field: "period" });
    const area = await this.deps.loaders.area.byCode.load(areaCode);
    if (!area) throw new BadUserInputError(`unknown area "${areaCode}"`, { field: "areaCode" });
    await this.deps.scope.assertContains([areaCode], "read indicator values");
    return this.loader.load({ indicatorCode, areaCode, period });
  }

  private assertShape(indicatorCodes: readonly string[], periods: readonly string[]): void {
    const problems = requestShapeProblems(indicatorCodes, periods);
    if (problems.length > 0) throw new BadUserInputError(problems.join("; "));
  }

  private assertFanOut(values: number): void {
    if (values > MAX_VALUES) {
      throw new BadUserInputError(`the request asks for ${values} indicator values; at most ${MAX_VALUES} per request (ask for fewer areas, indicators or periods)`);
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

  private async valuesFor(indicatorCodes: string[], periods: string[], areaCodes: string[]): Promise<IndicatorValue[]> {
    const keys: IndicatorValueKey[] = [];
    for (const areaCode of areaCodes) {
      for (const indicatorCode of indicatorCodes) for (const period of periods) keys.push({ indicatorCode, areaCode, period });
    }
    const values = await this.loader.loadMany(keys);
    const failed = values.find((value): value is Error => value instanceof Error);
    if (failed) throw failed;
    return values as IndicatorValue[];
  }

  /** The batch function: every value of the request from two aggregate statements. */
  private async compute(keys: readonly IndicatorValueKey[]): Promise<(IndicatorValue | Error)[]> {
    const { loaders, store } = this.deps;
    const indicatorCodes = unique(keys.map((k) => k.indicatorCode));
    const areaCodes = unique(keys.map((k) => k.areaCode));
    const periods = unique(keys.map((k) => k.period));
    // Checked again here, where every value is computed: no path reaches a value outside the scope.
    const outside = new Set(await this.deps.scope.outside(areaCodes));
    const [indicatorRows, areaRows] = await Promise.all([loaders.indicator.byCode.loadMany(indicatorCodes), loaders.area.byCode.loadMany(areaCodes)]);
    const indicators = new Map<string, IndicatorRecord>();
    indicatorRows.forEach((row, i) => row && !(row instanceof Error) && indicators.set(indicatorCodes[i], row));
    const areas = new Map<string, AreaRecord>();
    areaRows.forEach((row, i) => row && !(row instanceof Error) && areas.set(areaCodes[i], row));

    const elementCodes = unique([...indicators.values()].flatMap((i) => (i.denominatorElementCode ? [i.numeratorElementCode, i.denominatorElementCode] : [i.numeratorElementCode])));
    const elementRows = await loaders.dataElement.byCode.loadMany(elementCodes);
    const elements = new Map<string, DataElementRecord>();
    elementRows.forEach((row, i) => row && !(row instanceof Error) && elements.set(elementCodes[i], row));

    const targets = [...areas.values()].filter((area) => !outside.has(area.code)).map((area) => ({ code: area.code, level: area.level }));
    const [sumRows, expectedRows] = await Promise.all([store.sumElements(elementCodes, periods, targets), store.countAreasBeneath(targets)]);
    const sums = new Map<string, ElementSums>(
      sumRows.map((row) => [`${row.target}|${row.element}|${row.period}`, { male: row.male, female: row.female, none: row.none, reportingAreas: row.reporting }]),
    );
    const expected = new Map(expectedRows.map((row) => [`${row.target}|${row.level}`, row.areas]));
    const publication = this.deps.approvedOnly
      ? await store.approvals(elementCodes, periods, unique(targets.flatMap((target) => selfAndAncestors(areas.get(target.code)!))))
      : null;
    const isPublished = (area: AreaRecord, period: string, used: readonly string[]) =>
      !publication ||
      used.every(
        (element) => !publication.governed.has(element) || selfAndAncestors(area).some((code) => publication.approved.has(approvalKey(element, period, code))),
      );

    return keys.map((key) => {
      const indicator = indicators.get(key.indicatorCode);
      if (!indicator) return new BadUserInputError(`unknown indicator code "${key.indicatorCode}"`, { field: "indicatorCodes" });
      const area = areas.get(key.areaCode);
      if (!area) return new BadUserInputError(`unknown area "${key.areaCode}"`, { field: "areaCode" });
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
      if (!isPublished(area, key.period, usedElements)) {
        return { indicator, area, period: key.period, ...computeIndicator(shape, undefined, undefined), completeness: null, withheld: true };
      }
      const numeratorSums = sums.get(`${area.code}|${numeratorElement.code}|${key.period}`);
      const denominatorSums = denominatorElement ? sums.get(`${area.code}|${denominatorElement.code}|${key.period}`) : undefined;
      const computed = computeIndicator(shape, numeratorSums, denominatorSums);
      return {
        indicator,
        area,
        period: key.period,
        ...computed,
        completeness: completeness(numeratorSums?.reportingAreas ?? 0, expected.get(`${area.code}|${numeratorElement.collectionLevel}`) ?? 0),
        withheld: false,
      };
    });
  }
}
