// The three read workloads of the suite, each as a GraphQL request (for the subgraph and the
// gateways) and as the SQL statements the subgraphs run for it (the bare-SQL layer).
import { type AreaTarget, IndicatorValueStore } from "@vnge/indicators";
import { TargetStore } from "@vnge/plans";
import { BASE_HIERARCHY, type Database } from "@vnge/shared";
import { DEFAULT_CATALOGUE } from "@vnge/indicators";
import { TARGET_INDICATORS } from "./dataset";

export type WorkloadName = "dashboard" | "drill-down" | "plan targets";

export interface Workload {
  name: WorkloadName;
  description: string;
  /** JSON body of the GraphQL request. */
  body: string;
  /** Which subgraph can answer it alone; null when only a gateway can (it spans subgraphs). */
  subgraph: "indicators" | null;
  /** Rows (or targets) a correct answer holds, checked once before measuring. */
  expectedRows: number;
  rowsOf(data: unknown): number;
  /** The statements the subgraphs run for one request, in the same shape (parallel where they are). */
  sql(db: Database): () => Promise<unknown>;
}

const DASHBOARD = `query Dashboard($codes: [ID!]!, $periods: [String!]!) {
  rollup(indicatorCodes: $codes, periods: $periods, parentCode: "VN", level: PROVINCE) {
    indicator { code } area { code } period total male female
  }
}`;

const DRILL_DOWN = `query DrillDown($codes: [ID!]!, $periods: [String!]!, $province: ID!) {
  rollup(indicatorCodes: $codes, periods: $periods, parentCode: $province, level: DISTRICT) {
    indicator { code } area { code name } period total male female completeness
  }
}`;

const PLAN_TARGETS = `query PlanTargets($province: ID!) {
  area(code: $province) {
    code name
    targets { id indicatorCode period targetValue comparison actual { total male female } progress { status value expected gap } }
  }
}`;

const rollupRows = (data: unknown) => (data as { rollup: unknown[] }).rollup.length;

/** Elements behind indicator codes (numerators and denominators), for the SQL layer. */
function elementsOf(
  indicators: readonly { code: string; numerator: { element: string }; denominator?: { element: string } | null }[],
  codes: readonly string[],
): string[] {
  const chosen = indicators.filter((i) => codes.includes(i.code));
  return [...new Set(chosen.flatMap((i) => [i.numerator.element, ...(i.denominator ? [i.denominator.element] : [])]))];
}

export interface WorkloadParams {
  /** Benchmark indicators: { code, numerator, denominator } of the benchmark catalogue. */
  indicators: readonly { code: string; numerator: { element: string }; denominator?: { element: string } | null }[];
  provinces: readonly string[];
  province: { code: string; districts: readonly string[] };
  /** Years of data, oldest first; the dashboard reads the last. */
  years: readonly number[];
  targets: number;
}

export function workloads(params: WorkloadParams): Workload[] {
  const latest = String(params.years[params.years.length - 1]);
  const periods = params.years.map(String);
  const dashboardCodes = params.indicators.slice(0, 10).map((i) => i.code);
  const drillCodes = params.indicators.slice(0, 5).map((i) => i.code);
  const provinceTargets: AreaTarget[] = params.provinces.map((code) => ({ code, level: "PROVINCE" }));
  const districtTargets: AreaTarget[] = params.province.districts.map((code) => ({ code, level: "DISTRICT" }));
  const province: AreaTarget = { code: params.province.code, level: "PROVINCE" };
  return [
    {
      name: "dashboard",
      description: `rollup of ${dashboardCodes.length} indicators x ${params.provinces.length} provinces x 1 year, total/male/female`,
      body: JSON.stringify({ query: DASHBOARD, variables: { codes: dashboardCodes, periods: [latest] } }),
      subgraph: "indicators",
      expectedRows: dashboardCodes.length * params.provinces.length,
      rowsOf: rollupRows,
      sql: (db) => {
        const store = new IndicatorValueStore(db);
        const elements = elementsOf(params.indicators, dashboardCodes);
        return () => Promise.all([store.sumElements(elements, [latest], provinceTargets), store.countAreasBeneath(provinceTargets, BASE_HIERARCHY)]);
      },
    },
    {
      name: "drill-down",
      description: `rollup of ${drillCodes.length} indicators x ${districtTargets.length} districts of province ${province.code} x ${periods.length} years`,
      body: JSON.stringify({ query: DRILL_DOWN, variables: { codes: drillCodes, periods, province: province.code } }),
      subgraph: "indicators",
      expectedRows: drillCodes.length * districtTargets.length * periods.length,
      rowsOf: rollupRows,
      sql: (db) => {
        const store = new IndicatorValueStore(db);
        const elements = elementsOf(params.indicators, drillCodes);
        return () => Promise.all([store.sumElements(elements, periods, districtTargets), store.countAreasBeneath(districtTargets, BASE_HIERARCHY)]);
      },
    },
    {
      name: "plan targets",
      description: `province ${province.code}'s ${params.targets} plan targets with actual and progress (indicators -> plans -> indicators -> plans)`,
      body: JSON.stringify({ query: PLAN_TARGETS, variables: { province: province.code } }),
      subgraph: null,
      expectedRows: params.targets,
      rowsOf: (data) => (data as { area: { targets: unknown[] } | null }).area?.targets.length ?? 0,
      sql: (db) => {
        const values = new IndicatorValueStore(db);
        const targets = new TargetStore(db);
        const elements = elementsOf(DEFAULT_CATALOGUE.indicators, TARGET_INDICATORS);
        // the plans subgraph reads the targets, then the indicators subgraph their actuals
        return async () => {
          const rows = await targets.findAtAreas([province.code]);
          const targetPeriods = [...new Set(rows.map((row) => row.period))];
          return Promise.all([values.sumElements(elements, targetPeriods, [province]), values.countAreasBeneath([province], BASE_HIERARCHY)]);
        };
      },
    },
  ];
}
