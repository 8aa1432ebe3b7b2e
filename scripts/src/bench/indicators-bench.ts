// The indicator engine's benchmark: national area list, ~400,000 sex-disaggregated commune values
// ingested through the gateway, then rollup latencies through the gateway, straight to the
// indicators subgraph and as bare SQL, and a check that a new value shows in the next rollup.
import fs from "node:fs";
import { type Catalogue, type DataElementDefinition, type IndicatorDefinition, IndicatorValueStore, seedCatalogue } from "@vnge/indicators";
import { BASE_HIERARCHY, type Database, Role, loadAuthConfig, signToken } from "@vnge/shared";
import { importAreas, parseUnitList } from "@vnge/indicators";
import { startSystem } from "../system";

export const BENCH_PERIOD = "2023";

export interface BenchOptions {
  db: Database;
  areasFile: string;
  smoke: boolean;
  /** Values per submitDataValues request. */
  batchSize?: number;
  /** Requests in flight at once while ingesting. */
  concurrency?: number;
  /** Timed runs per query (after warm-up). */
  iterations?: number;
  log?: (line: string) => void;
}

export interface LatencyResult {
  name: string;
  target?: string;
  p50: number;
  p95: number;
  runs: number;
}

export interface BenchResult {
  areas: { provinces: number; districts: number; communes: number };
  ingest: {
    values: number;
    seconds: number;
    valuesPerSecond: number;
    batchSize: number;
    concurrency: number;
    firstSummary: unknown;
    resubmitUnchanged: number;
  };
  latencies: LatencyResult[];
  freshness: { before: number | null; after: number | null; visible: boolean };
}

/** mulberry32: a small seeded generator, so every run ingests the same values. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchCatalogue(elementCount: number): Catalogue {
  const code = (i: number) => `BENCH_E${String(i + 1).padStart(2, "0")}`;
  const dataElements: DataElementDefinition[] = Array.from({ length: elementCount }, (_, i) => ({
    code: code(i),
    name: `Benchmark element ${i + 1}`,
    nameVi: `Chỉ tiêu thử ${i + 1}`,
    valueType: "COUNT",
    disaggregatedBySex: true,
    collectionLevel: "COMMUNE",
  }));
  const indicators: IndicatorDefinition[] = Array.from({ length: Math.max(1, elementCount / 2) }, (_, i) => ({
    code: `BENCH_I${String(i + 1).padStart(2, "0")}`,
    name: `Benchmark indicator ${i + 1}`,
    nameVi: `Chỉ số thử ${i + 1}`,
    numerator: { element: code(2 * i) },
    denominator: { element: code((2 * i + 1) % elementCount) },
    factor: 100,
    unit: "PERCENT",
    decimals: 1,
    betterDirection: "HIGHER",
  }));
  return { dataElements, indicators };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function time(name: string, runs: number, work: () => Promise<unknown>, target?: string): Promise<LatencyResult> {
  for (let i = 0; i < Math.min(5, runs); i++) await work(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await work();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { name, target, p50: percentile(samples, 50), p95: percentile(samples, 95), runs };
}

/** The benchmark calls as a national administrator, with a token signed by the configured secret. */
let authorization: Promise<string> | undefined;
function benchAuthorization(): Promise<string> {
  const config = loadAuthConfig();
  if (!config.secret) throw new Error("the benchmark signs its own token: set AUTH_JWT_SECRET");
  authorization ??= signToken(
    { subject: "benchmark", roles: [Role.ADMIN], areaCodes: ["VN"] },
    { secret: config.secret, issuer: config.issuer, audience: config.audience, expiresInSeconds: 3600 },
  ).then((token) => `Bearer ${token}`);
  return authorization;
}

async function post<T>(url: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const headers = { "content-type": "application/json", authorization: await benchAuthorization() };
  const response = await fetch(url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL error: ${body.errors?.map((e) => e.message).join("; ") ?? response.status}`);
  return body.data;
}

const SUBMIT = `mutation ($input: SubmitDataValuesInput!) { submitDataValues(input: $input) { imported updated unchanged rejected conflicts { index message } } }`;
const ROLLUP = `query ($codes: [ID!]!, $parent: ID!, $level: AreaLevel) {
  rollup(indicatorCodes: $codes, periods: ["${BENCH_PERIOD}"], parentCode: $parent, level: $level) { area { code } total male female numerator { total } completeness }
}`;

export async function runIndicatorBench(options: BenchOptions): Promise<BenchResult> {
  const log = options.log ?? (() => undefined);
  const { db } = options;
  const elementCount = 20;
  const batchSize = options.batchSize ?? (options.smoke ? 500 : 10_000);
  const concurrency = options.concurrency ?? 2;
  const iterations = options.iterations ?? (options.smoke ? 10 : 100);

  const rows = parseUnitList(JSON.parse(fs.readFileSync(options.areasFile, "utf8")));
  await importAreas(db, rows);
  const catalogue = benchCatalogue(elementCount);
  await seedCatalogue(db, catalogue);
  const communes = rows.filter((r) => r.level === "COMMUNE").map((r) => r.code);
  const areas = {
    provinces: rows.filter((r) => r.level === "PROVINCE").length,
    districts: rows.filter((r) => r.level === "DISTRICT").length,
    communes: communes.length,
  };
  log(`areas: ${areas.provinces} provinces, ${areas.districts} districts, ${areas.communes} communes`);

  const random = seededRandom(20_231_231);
  const values: { dataElementCode: string; areaCode: string; period: string; sex: string; value: number }[] = [];
  for (const element of catalogue.dataElements) {
    for (const areaCode of communes) {
      for (const sex of ["MALE", "FEMALE"])
        values.push({ dataElementCode: element.code, areaCode, period: BENCH_PERIOD, sex, value: Math.floor(random() * 500) });
    }
  }

  const system = await startSystem({ db, ports: "random", migrate: false, seedDemo: false });
  try {
    const gateway = system.gatewayUrl!;
    const subgraph = system.subgraphUrls.indicators!;
    const batches: (typeof values)[] = [];
    for (let i = 0; i < values.length; i += batchSize) batches.push(values.slice(i, i + batchSize));

    const submitAll = async () => {
      const summaries: { imported: number; updated: number; unchanged: number; rejected: number }[] = [];
      let next = 0;
      const worker = async () => {
        while (next < batches.length) {
          const batch = batches[next++];
          const data = await post<{ submitDataValues: (typeof summaries)[number] }>(gateway, SUBMIT, { input: { values: batch } });
          if (data.submitDataValues.rejected > 0) throw new Error(`batch refused: ${JSON.stringify(data.submitDataValues).slice(0, 500)}`);
          summaries.push(data.submitDataValues);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      return summaries.reduce((a, s) => ({ imported: a.imported + s.imported, updated: a.updated + s.updated, unchanged: a.unchanged + s.unchanged }), {
        imported: 0,
        updated: 0,
        unchanged: 0,
      });
    };

    log(`ingesting ${values.length} values in ${batches.length} batches of ${batchSize} (${concurrency} in flight) through the gateway`);
    const start = process.hrtime.bigint();
    const firstSummary = await submitAll();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (firstSummary.imported !== values.length) throw new Error(`expected ${values.length} imported, got ${JSON.stringify(firstSummary)}`);
    const ingest = { values: values.length, seconds, valuesPerSecond: values.length / seconds, batchSize, concurrency, firstSummary, resubmitUnchanged: 0 };
    log(`ingested in ${seconds.toFixed(2)} s: ${Math.round(ingest.valuesPerSecond)} values/s`);
    await db.withSession((session) => session.exec("ANALYZE indicators.data_value; ANALYZE indicators.area;"));

    const indicatorCodes = catalogue.indicators.map((i) => i.code).slice(0, 10);
    const provincesQuery = { codes: indicatorCodes, parent: "VN", level: "PROVINCE" };
    const nationQuery = { codes: [indicatorCodes[0]], parent: "VN" };
    const provinceRows = (await post<{ rollup: unknown[] }>(gateway, ROLLUP, provincesQuery)).rollup.length;
    if (provinceRows !== indicatorCodes.length * areas.provinces) throw new Error(`rollup returned ${provinceRows} values`);

    const store = new IndicatorValueStore(db);
    const elementCodes = catalogue.dataElements.map((e) => e.code);
    const provinceTargets = rows.filter((r) => r.level === "PROVINCE").map((r) => ({ code: r.code, level: r.level }));
    const label = `${indicatorCodes.length} indicators x ${areas.provinces} provinces x 1 year`;
    const latencies = [
      await time(`rollup ${label}, gateway`, iterations, () => post(gateway, ROLLUP, provincesQuery), "p95 <= 100 ms"),
      await time("one national indicator value, gateway", iterations, () => post(gateway, ROLLUP, nationQuery), "p95 <= 20 ms"),
      await time(`rollup ${label}, indicators subgraph`, iterations, () => post(subgraph, ROLLUP, provincesQuery)),
      await time("one national indicator value, indicators subgraph", iterations, () => post(subgraph, ROLLUP, nationQuery)),
      await time(`bare SQL: sums of ${elementCodes.length} elements x ${areas.provinces} provinces`, iterations, () =>
        Promise.all([store.sumElements(elementCodes, [BENCH_PERIOD], provinceTargets), store.countAreasBeneath(provinceTargets, BASE_HIERARCHY)]),
      ),
      await time(`bare SQL: sums of 2 elements for the nation`, iterations, () =>
        Promise.all([
          store.sumElements(elementCodes.slice(0, 2), [BENCH_PERIOD], [{ code: "VN", level: "NATION" }]),
          store.countAreasBeneath([{ code: "VN", level: "NATION" }], BASE_HIERARCHY),
        ]),
      ),
    ];

    // Re-submitting a slice must change nothing.
    const again = await post<{ submitDataValues: { unchanged: number } }>(gateway, SUBMIT, { input: { values: batches[0] } });
    ingest.resubmitUnchanged = again.submitDataValues.unchanged;

    // Freshness: change one value, then read the national numerator on the very next query.
    const nationalNumerator = async () =>
      (await post<{ rollup: { numerator: { total: number | null } }[] }>(gateway, ROLLUP, nationQuery)).rollup[0].numerator.total;
    const before = await nationalNumerator();
    const changed = { ...values[0], value: values[0].value + 1000 };
    await post(gateway, SUBMIT, { input: { values: [changed] } });
    const after = await nationalNumerator();
    const freshness = { before, after, visible: before !== null && after === before + 1000 };
    return { areas, ingest, latencies, freshness };
  } finally {
    await system.stop();
  }
}

export function formatTable(result: BenchResult): string {
  const lines = [
    "| measurement | p50 | p95 | target |",
    "| --- | ---: | ---: | --- |",
    ...result.latencies.map((l) => `| ${l.name} | ${l.p50.toFixed(1)} ms | ${l.p95.toFixed(1)} ms | ${l.target ?? ""} |`),
  ];
  return lines.join("\n");
}
