// The national data set of the benchmark: the real area list, 20 commune-level elements x 2 sexes
// per year (generated with a fixed seed per year, so adding years never changes earlier ones), and
// one province's plan with targets on catalogue indicators, with the values those targets read.
import fs from "node:fs";
import { type Catalogue, seedCatalogue } from "@vnge/indicators";
import type { Database, AreaRow } from "@vnge/shared";
import { DEFAULT_CATALOGUE, importAreas, parseUnitList } from "@vnge/indicators";
import { benchCatalogue, seededRandom } from "../indicators-bench";
import { postGraphQL } from "./bench-client";

export const ELEMENT_COUNT = 20;
export const SEXES = ["MALE", "FEMALE"] as const;
/** Indicators of the shipped catalogue the province's plan sets targets for (commune-level, split by sex). */
export const TARGET_INDICATORS = [
  "LIVE_BIRTHS",
  "GBV_VICTIMS_DETECTED",
  "GBV_VICTIMS_SUPPORTED_SHARE",
  "GBV_PERPETRATORS_COUNSELLED_SHARE",
  "SEX_RATIO_AT_BIRTH",
];

export interface DataValueInput {
  dataElementCode: string;
  areaCode: string;
  period: string;
  sex: string;
  value: number;
}

export interface AreaSet {
  rows: AreaRow[];
  provinces: number;
  districts: number;
  communes: string[];
  /** The province of the drill-down and the plan: the one with the most districts. */
  province: { code: string; districts: number; communes: string[] };
}

export function readAreaSet(file: string): AreaSet {
  const rows = parseUnitList(JSON.parse(fs.readFileSync(file, "utf8")));
  const provinces = rows
    .filter((r) => r.level === "PROVINCE")
    .map((r) => r.code)
    .sort();
  const districtsOf = new Map(provinces.map((code) => [code, rows.filter((r) => r.level === "DISTRICT" && r.parentCode === code).length]));
  const code = provinces.reduce((best, p) => (districtsOf.get(p)! > districtsOf.get(best)! ? p : best), provinces[0]);
  const districts = new Set(rows.filter((r) => r.level === "DISTRICT" && r.parentCode === code).map((r) => r.code));
  const communes = rows.filter((r) => r.level === "COMMUNE");
  return {
    rows,
    provinces: provinces.length,
    districts: rows.filter((r) => r.level === "DISTRICT").length,
    communes: communes.map((r) => r.code),
    province: { code, districts: districts.size, communes: communes.filter((r) => r.parentCode && districts.has(r.parentCode)).map((r) => r.code) },
  };
}

/** Areas, the benchmark's elements and indicators, and the shipped catalogue (the targets name its indicators). */
export async function loadReferenceData(db: Database, areas: AreaSet): Promise<Catalogue> {
  await importAreas(db, areas.rows);
  const catalogue = benchCatalogue(ELEMENT_COUNT);
  await seedCatalogue(db, catalogue);
  await seedCatalogue(db);
  return catalogue;
}

/** One year of the national values, in batches: every commune x element x sex. */
export function* yearValues(communes: readonly string[], catalogue: Catalogue, year: number, batchSize: number): Generator<DataValueInput[]> {
  const random = seededRandom(20_231_231 + year);
  const period = String(year);
  let batch: DataValueInput[] = [];
  for (const element of catalogue.dataElements) {
    for (const areaCode of communes) {
      for (const sex of SEXES) {
        batch.push({ dataElementCode: element.code, areaCode, period, sex, value: Math.floor(random() * 500) });
        if (batch.length === batchSize) {
          yield batch;
          batch = [];
        }
      }
    }
  }
  if (batch.length > 0) yield batch;
}

/** Values of the target indicators' elements in the plan's province: denominators larger than numerators. */
export function targetValues(communes: readonly string[], years: readonly number[]): DataValueInput[] {
  const indicators = DEFAULT_CATALOGUE.indicators.filter((i) => TARGET_INDICATORS.includes(i.code));
  const numerators = new Set(indicators.map((i) => i.numerator.element));
  const elements = [...new Set(indicators.flatMap((i) => [i.numerator.element, ...(i.denominator ? [i.denominator.element] : [])]))].sort();
  const random = seededRandom(17);
  const values: DataValueInput[] = [];
  for (const year of years) {
    for (const element of elements) {
      // an element that is both (live births) gets the larger range
      const range = numerators.has(element) && !indicators.some((i) => i.denominator?.element === element) ? 200 : 800;
      for (const areaCode of communes)
        for (const sex of SEXES) values.push({ dataElementCode: element, areaCode, period: String(year), sex, value: 1 + Math.floor(random() * range) });
    }
  }
  return values;
}

const SUBMIT = `mutation ($input: SubmitDataValuesInput!) { submitDataValues(input: $input) { imported updated unchanged rejected } }`;
const CREATE_PLAN = `mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id targets { id } } }`;

export interface SubmitSummary {
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export class BatchRefusedError extends Error {}

/** Sends batches to submitDataValues with `concurrency` requests in flight; stops early when `until` says so. */
export async function submitBatches(
  url: string,
  headers: Record<string, string>,
  batches: Iterator<DataValueInput[]>,
  concurrency: number,
  until: () => boolean = () => false,
): Promise<SubmitSummary & { values: number }> {
  const total = { imported: 0, updated: 0, unchanged: 0, rejected: 0, values: 0 };
  const worker = async () => {
    for (let next = batches.next(); !next.done && !until(); next = batches.next()) {
      const { submitDataValues: summary } = await postGraphQL<{ submitDataValues: SubmitSummary }>(url, headers, SUBMIT, { input: { values: next.value } });
      if (summary.rejected > 0) throw new BatchRefusedError(`a batch of ${next.value.length} values was refused: ${JSON.stringify(summary)}`);
      total.imported += summary.imported;
      total.updated += summary.updated;
      total.unchanged += summary.unchanged;
      total.values += next.value.length;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return total;
}

/** A five-year plan of the province with one target per target indicator and year. */
export async function createProvincePlan(url: string, headers: Record<string, string>, provinceCode: string, years: readonly number[]): Promise<number> {
  const targets = years.flatMap((year) =>
    TARGET_INDICATORS.map((indicatorCode) => ({
      indicatorCode,
      period: String(year),
      targetValue: indicatorCode === "SEX_RATIO_AT_BIRTH" ? 109 : indicatorCode.endsWith("_SHARE") ? 40 : 1000,
      comparison: indicatorCode === "SEX_RATIO_AT_BIRTH" ? "AT_MOST" : "AT_LEAST",
    })),
  );
  const input = { areaCode: provinceCode, title: "Kế hoạch thử tải", type: "FIVE_YEAR", startYear: years[0], endYear: years[years.length - 1], targets };
  const { createPlan } = await postGraphQL<{ createPlan: { targets: unknown[] } }>(url, headers, CREATE_PLAN, { input });
  return createPlan.targets.length;
}
