// What the SDMX answers are made of, read through the supergraph as the caller (supergraph-as-caller.ts): the
// hierarchy versions, the indicators, a version's areas, and the observations of a data query, page by page of areas
// so that a national pull of every commune runs in the memory of one page.
import { BadUserInputError } from "@vnge/shared";
import { type Execute, run } from "../supergraph-as-caller";
import { CURRENT_FLOW, type Label, OBS_STATUS_OF, type Observation, type SexCode, flowId, indicatorCodeOf, sdmxIndicatorId } from "./sdmx-model";
import { DEFAULT_START_YEAR, type DataRequest } from "./sdmx-request";

export interface Hierarchy {
  code: string;
  name: string;
  validFrom: string | null;
  validTo: string | null;
}

export interface SdmxIndicator {
  code: string;
  name: Label;
  unit: string;
  /** Whether values come for males and females as well as the total. */
  bySex: boolean;
  owner: string;
}

export interface SdmxArea {
  code: string;
  name: Label;
  parent: string | null;
  level: string;
}

const CATALOGUE = `query SdmxCatalogue {
  hierarchies { code name validFrom validTo }
  indicators { code name nameVi unit owner
    numerator { sex dataElement { disaggregatedBySex } }
    denominator { sex dataElement { disaggregatedBySex } } }
}`;

interface RawTerm {
  sex: string | null;
  dataElement: { disaggregatedBySex: boolean };
}
interface RawIndicator {
  code: string;
  name: string;
  nameVi: string;
  unit: string;
  owner: string;
  numerator: RawTerm;
  denominator: RawTerm | null;
}

export interface Catalogue {
  hierarchies: Hierarchy[];
  indicators: SdmxIndicator[];
}

const splitBySex = (term: RawTerm | null) => term === null || (term.dataElement.disaggregatedBySex && term.sex === null);

export async function readCatalogue(execute: Execute): Promise<Catalogue> {
  const data = await run<{ hierarchies: Hierarchy[]; indicators: RawIndicator[] }>(execute, CATALOGUE, {});
  return {
    hierarchies: [...data.hierarchies].sort((a, b) => (a.validFrom ?? "").localeCompare(b.validFrom ?? "")),
    indicators: data.indicators.map((indicator) => ({
      code: indicator.code,
      name: { en: indicator.name, vi: indicator.nameVi },
      unit: indicator.unit,
      bySex: splitBySex(indicator.numerator) && (indicator.denominator === null || splitBySex(indicator.denominator)),
      owner: indicator.owner,
    })),
  };
}

/** The hierarchy version a flow id names: the current flow is the version in force today. */
export function hierarchyOfFlow(catalogue: Catalogue, flow: string): Hierarchy | null {
  if (flow === CURRENT_FLOW) return catalogue.hierarchies.at(-1) ?? null;
  return catalogue.hierarchies.find((hierarchy) => flowId(hierarchy.code) === flow) ?? null;
}

const LEVELS = ["NATION", "PROVINCE", "DISTRICT", "COMMUNE"] as const;
const AREA_PAGE = 1_000;

const AREAS = `query SdmxAreas($level: AreaLevel!, $hierarchy: String!, $first: Int!, $after: ID) {
  areas(level: $level, hierarchy: $hierarchy, first: $first, after: $after) { code name nameEn level parent { code } }
}`;

interface RawArea {
  code: string;
  name: string;
  nameEn: string;
  level: string;
  parent: { code: string } | null;
}

/** Every area of a version, level by level, in pages. */
export async function* areasOf(execute: Execute, hierarchy: string): AsyncGenerator<SdmxArea> {
  for (const level of LEVELS) {
    let after: string | undefined;
    for (;;) {
      const { areas } = await run<{ areas: RawArea[] }>(execute, AREAS, { level, hierarchy, first: AREA_PAGE, after });
      for (const area of areas) yield { code: area.code, name: { vi: area.name, en: area.nameEn }, parent: area.parent?.code ?? null, level: area.level };
      if (areas.length < AREA_PAGE) break;
      after = areas.at(-1)!.code;
    }
  }
}

const VALUES = `query SdmxValues($indicators: [ID!]!, $periods: [String!]!, $parent: ID!, $level: AreaLevel, $hierarchy: String!, $first: Int, $after: ID) {
  rollup(indicatorCodes: $indicators, periods: $periods, parentCode: $parent, level: $level, hierarchy: $hierarchy, first: $first, after: $after) {
    area { code name nameEn } indicator { code } period total male female withheld suppressed approximate status updatedAt
  }
}`;

interface RawValue {
  area: { code: string; name: string; nameEn: string };
  indicator: { code: string };
  period: string;
  total: number | null;
  male: number | null;
  female: number | null;
  withheld: boolean;
  suppressed: boolean;
  approximate: boolean;
  status: string | null;
  updatedAt: string | null;
}

/** Values asked per operation: well inside the gateway's cost limit and the subgraph's 50,000 values. */
const VALUES_PER_CALL = 10_000;
/** Periods per rollup. */
const PERIODS_PER_CALL = 20;

export interface DataPlan {
  hierarchy: Hierarchy;
  indicators: SdmxIndicator[];
  years: string[];
}

/** The indicators and years a data request covers, checked against the catalogue. */
export function planData(catalogue: Catalogue, request: DataRequest, now: Date): DataPlan {
  const hierarchy = hierarchyOfFlow(catalogue, request.flow);
  if (!hierarchy) {
    const flows = [CURRENT_FLOW, ...catalogue.hierarchies.map((h) => flowId(h.code))];
    throw new BadUserInputError(`no dataflow "${request.flow}"; the dataflows are ${flows.join(", ")}`, { field: "flow" });
  }
  const byCode = new Map(catalogue.indicators.map((indicator) => [indicator.code, indicator]));
  const unknown = (request.key.indicators ?? []).filter((id) => !byCode.has(indicatorCodeOf(id)));
  if (unknown.length > 0) throw new BadUserInputError(`unknown INDICATOR code${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}`, { field: "key" });
  // Every code: the national indicators (a province's own ones are asked by code).
  const indicators = request.key.indicators
    ? request.key.indicators.map((id) => byCode.get(indicatorCodeOf(id))!)
    : catalogue.indicators.filter((indicator) => indicator.owner === "VN");
  const validTo = hierarchy.validTo ? Number(hierarchy.validTo.slice(0, 4)) : now.getUTCFullYear();
  const start = request.startYear ?? DEFAULT_START_YEAR;
  const end = request.endYear ?? validTo;
  const years = Array.from({ length: Math.max(0, end - start + 1) }, (_, i) => String(start + i));
  return { hierarchy, indicators, years };
}

/**
 * The observations of a request, a page of areas at a time: for each page, every indicator and year, so that a series
 * (area, indicator, sex) comes whole and in order. Cells with no data are left out; withheld and suppressed cells come
 * as confidential, without a value.
 */
export async function* observationsOf(execute: Execute, plan: DataPlan, request: DataRequest, names: Map<string, Label>): AsyncGenerator<Observation[]> {
  const indicatorCodes = plan.indicators.map((indicator) => indicator.code);
  const byCode = new Map(plan.indicators.map((indicator) => [indicator.code, indicator]));
  const chunks: string[][] = [];
  for (let i = 0; i < plan.years.length; i += PERIODS_PER_CALL) chunks.push(plan.years.slice(i, i + PERIODS_PER_CALL));
  if (indicatorCodes.length === 0 || chunks.length === 0) return;
  const pageSize = Math.max(1, Math.min(1_000, Math.floor(VALUES_PER_CALL / (indicatorCodes.length * Math.min(plan.years.length, PERIODS_PER_CALL)))));
  const hierarchy = plan.hierarchy.code;
  const sexes = new Set<SexCode>(request.key.sexes ?? ["F", "M", "_T"]);

  const pageOf = async (parent: string, level: string | null, after: string | undefined) => {
    const values: RawValue[] = [];
    for (const periods of chunks) {
      const { rollup } = await run<{ rollup: RawValue[] }>(execute, VALUES, {
        indicators: indicatorCodes,
        periods,
        parent,
        level,
        hierarchy,
        first: level ? pageSize : undefined,
        after,
      });
      values.push(...rollup);
    }
    return values;
  };
  const toObservations = (values: RawValue[]): Observation[] => {
    const observations: Observation[] = [];
    for (const value of values) {
      names.set(value.area.code, { vi: value.area.name, en: value.area.nameEn });
      if (request.updatedAfter && !(value.updatedAt && new Date(value.updatedAt) > request.updatedAfter)) continue;
      const indicator = byCode.get(value.indicator.code)!;
      const hidden = value.withheld || value.suppressed;
      const cells: [SexCode, number | null][] = [["_T", value.total]];
      if (indicator.bySex) cells.push(["M", value.male], ["F", value.female]);
      for (const [sex, figure] of cells) {
        if (!sexes.has(sex) || (figure === null && !hidden)) continue;
        observations.push({
          area: value.area.code,
          indicator: sdmxIndicatorId(indicator.code),
          sex,
          period: value.period,
          value: figure,
          unit: indicator.unit,
          status: figure === null ? null : (OBS_STATUS_OF[value.status ?? "FINAL"] ?? "A"),
          confidential: figure === null,
          approximate: value.approximate,
        });
      }
    }
    const order = (o: Observation) => `${o.area}\u0000${o.indicator}\u0000${o.sex}\u0000${o.period}`;
    return observations.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  };

  if (request.key.areas) {
    for (const code of request.key.areas) yield toObservations(await pageOf(code, null, undefined));
    return;
  }
  yield toObservations(await pageOf("VN", null, undefined));
  for (const level of LEVELS.slice(1)) {
    let after: string | undefined;
    for (;;) {
      const values = await pageOf("VN", level, after).catch((error: unknown) => {
        // A version without districts has no area at that level.
        if (error instanceof BadUserInputError && level === "DISTRICT") return null;
        throw error;
      });
      if (values === null) break;
      yield toObservations(values);
      const areas = [...new Set(values.map((value) => value.area.code))];
      if (areas.length < pageSize) break;
      after = areas.sort().at(-1);
    }
  }
}
