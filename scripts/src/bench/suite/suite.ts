// The benchmark suite: loads the national data set, starts the subgraphs, then our Apollo Gateway
// and Hive Gateway each in a process of its own, and measures every read workload at 1, 10 and 50
// connections straight to the subgraph, through each gateway and as bare SQL; then reads while
// commune batches are submitted; then the dashboard again with twice the years of data.
import type { Database } from "@vnge/shared";
import { type LoadFigures, runLoad } from "../load/load-client";
import { benchHeaders } from "./bench-client";
import { type AreaSet, type DataValueInput, createProvincePlan, loadReferenceData, readAreaSet, submitBatches, targetValues, yearValues } from "./dataset";
import { startServiceProcess, withPeakRss } from "./service-host";
import { runSqlLoad } from "./sql-load";
import { type Workload, type WorkloadName, workloads } from "./workloads";

export const CONNECTION_LEVELS = [1, 10, 50] as const;
/** Smoke runs check that every row answers, at a few requests a row: one connection and concurrent ones. */
export const SMOKE_CONNECTION_LEVELS = [1, 2] as const;
/** "Apollo Gateway, cached": ours with its shared response cache (decision 0070); "Apollo Gateway" runs without it. */
/** The peers ours is compared with: Hive Gateway as it ships, with the Rust planner, and that without sharing requests in flight. */
export const PEER_LAYERS = ["Hive Gateway", "Hive Gateway, Rust planner", "Hive Gateway, Rust planner, unshared"] as const;
export const GATEWAY_LAYERS = ["Apollo Gateway", "Apollo Gateway, cached", ...PEER_LAYERS] as const;
export const LAYERS = ["subgraph", ...GATEWAY_LAYERS, "bare SQL"] as const;
export type Layer = (typeof LAYERS)[number];
export type HttpLayer = Exclude<Layer, "bare SQL">;
/** The five years of the national data set; the cost-growth step adds the five before them. */
export const YEARS = [2019, 2020, 2021, 2022, 2023];
export const EARLIER_YEARS = [2014, 2015, 2016, 2017, 2018];
/** Submissions under read load write years after the data set, so they are new values. */
const INGEST_FIRST_YEAR = 2024;

export interface SuiteOptions {
  db: Database;
  /** PostgreSQL URL of `db`: the subgraphs and the gateways run in processes of their own on it. */
  databaseUrl: string;
  poolSize?: number;
  areasFile: string;
  smoke: boolean;
  warmupSeconds?: number;
  durationSeconds?: number;
  /** Values per submitDataValues request and requests in flight, for loading and for ingest under load. */
  batchSize?: number;
  /** Runs of each row, back to back: the row reports the median run (by throughput) and the range of all. */
  repeat?: number;
  /** "ingest": only the ingest rows (the read rows and the ten-year rows are left out). */
  only?: "ingest";
  log?: (line: string) => void;
}

/** The range of a row's repeated runs: [min, max]. */
export interface Spread {
  rps: [number, number];
  p95: [number, number];
}

/** The median of repeated runs by `score`, with the range of throughput and p95 over all of them. */
export function medianRun<T>(runs: readonly T[], score: (run: T) => number, p95: (run: T) => number): { median: T; spread: Spread } {
  const sorted = [...runs].sort((a, b) => score(a) - score(b));
  const range = (f: (run: T) => number): [number, number] => [Math.min(...runs.map(f)), Math.max(...runs.map(f))];
  return { median: sorted[Math.floor((sorted.length - 1) / 2)], spread: { rps: range(score), p95: range(p95) } };
}

export interface MeasuredRow extends LoadFigures {
  years: number;
  workload: WorkloadName;
  layer: Layer;
  connections: number;
  /** Peak RSS (MiB) of the gateway process over the row; null for the subgraph and SQL layers. */
  gatewayRssMiB: number | null;
  /** Peak RSS (MiB) of the process running the four subgraphs over the row. */
  subgraphsRssMiB: number;
  runs: number;
  spread: Spread;
}

export interface IngestRow {
  layer: HttpLayer;
  connections: number;
  read: LoadFigures;
  values: number;
  seconds: number;
  valuesPerSecond: number;
  gatewayRssMiB: number | null;
  subgraphsRssMiB: number;
  runs: number;
  /** Range of values/s (as `rps`) and of the dashboard's p95 over the runs. */
  spread: Spread;
}

export interface SuiteResult {
  areas: { provinces: number; districts: number; communes: number; province: string; provinceDistricts: number };
  load: { values: number; seconds: number; valuesPerSecond: number; batchSize: number; targets: number; earlierValues: number };
  warmupSeconds: number;
  durationSeconds: number;
  repeat: number;
  workloads: { name: WorkloadName; description: string }[];
  connectionLevels: readonly number[];
  rows: MeasuredRow[];
  ingest: IngestRow[];
}

interface Running {
  urls: Record<HttpLayer, string>;
  pids: { subgraphs: number } & Record<(typeof GATEWAY_LAYERS)[number], number>;
  indicatorsUrl: string;
  plansUrl: string;
}

async function startSubgraphs(options: SuiteOptions): Promise<{ urls: Record<string, string>; pid: number; stop(): Promise<void> }> {
  const child = await startServiceProcess({ kind: "subgraphs", databaseUrl: options.databaseUrl, poolSize: options.poolSize ?? 10 });
  return { urls: child.urls, pid: child.pid, stop: () => child.stop() };
}

function* endless(batches: (year: number) => Generator<DataValueInput[]>, firstYear: number): Generator<DataValueInput[]> {
  for (let year = firstYear; ; year++) yield* batches(year);
}

export async function runSuite(options: SuiteOptions): Promise<SuiteResult> {
  const log = options.log ?? (() => undefined);
  const warmupSeconds = options.warmupSeconds ?? (options.smoke ? 0.2 : 3);
  const durationSeconds = options.durationSeconds ?? (options.smoke ? 0.5 : 10);
  const batchSize = options.batchSize ?? (options.smoke ? 500 : 10_000);
  const levels = options.smoke ? SMOKE_CONNECTION_LEVELS : CONNECTION_LEVELS;
  const repeat = options.repeat ?? 1;
  const ingestConnections = levels[1];
  const areas: AreaSet = readAreaSet(options.areasFile);
  const catalogue = await loadReferenceData(options.db, areas);
  log(
    `areas: ${areas.provinces} provinces, ${areas.districts} districts, ${areas.communes.length} communes; drill-down and plan in province ${areas.province.code} (${areas.province.districts} districts)`,
  );

  const subgraphs = await startSubgraphs(options);
  const stops: (() => Promise<void>)[] = [subgraphs.stop];
  try {
    const headers = await benchHeaders();
    const indicatorsUrl = subgraphs.urls.indicators;
    const loadYears = async (years: readonly number[]) => {
      const start = performance.now();
      const batches = (function* () {
        for (const year of years) yield* yearValues(areas.communes, catalogue, year, batchSize);
      })();
      const summary = await submitBatches(indicatorsUrl, headers, batches, 2);
      if (summary.imported !== summary.values) throw new Error(`expected ${summary.values} new values, got ${JSON.stringify(summary)}`);
      return { values: summary.values, seconds: (performance.now() - start) / 1000 };
    };

    log(`loading ${YEARS.length} years of values through the indicators subgraph (batches of ${batchSize}, 2 in flight)`);
    const loaded = await loadYears(YEARS);
    log(`loaded ${loaded.values} values in ${loaded.seconds.toFixed(1)} s (${Math.round(loaded.values / loaded.seconds)} values/s)`);
    const targetData = targetValues(areas.province.communes, YEARS);
    await submitBatches(
      indicatorsUrl,
      headers,
      (function* () {
        for (let i = 0; i < targetData.length; i += batchSize) yield targetData.slice(i, i + batchSize);
      })(),
      2,
    );
    const targets = await createProvincePlan(subgraphs.urls.plans, headers, areas.province.code, YEARS);

    // The gateways start after the data are in, so their RSS is only their own serving.
    const apollo = await startServiceProcess({ kind: "apollo-gateway", subgraphUrls: subgraphs.urls });
    stops.unshift(apollo.stop);
    const cached = await startCachedGateway(options, subgraphs.urls);
    stops.unshift(cached.stop);
    const hive = await startServiceProcess({ kind: "hive-gateway", subgraphUrls: subgraphs.urls });
    stops.unshift(hive.stop);
    const hiveRust = await startServiceProcess({ kind: "hive-gateway", subgraphUrls: subgraphs.urls, rustPlanner: true });
    stops.unshift(hiveRust.stop);
    const hiveUnshared = await startServiceProcess({ kind: "hive-gateway", subgraphUrls: subgraphs.urls, rustPlanner: true, unshared: true });
    stops.unshift(hiveUnshared.stop);
    const running: Running = {
      urls: {
        subgraph: indicatorsUrl,
        "Apollo Gateway": apollo.urls.gateway,
        "Apollo Gateway, cached": cached.url,
        "Hive Gateway": hive.urls.gateway,
        "Hive Gateway, Rust planner": hiveRust.urls.gateway,
        "Hive Gateway, Rust planner, unshared": hiveUnshared.urls.gateway,
      },
      pids: {
        subgraphs: subgraphs.pid,
        "Apollo Gateway": apollo.pid,
        "Apollo Gateway, cached": cached.pid,
        "Hive Gateway": hive.pid,
        "Hive Gateway, Rust planner": hiveRust.pid,
        "Hive Gateway, Rust planner, unshared": hiveUnshared.pid,
      },
      indicatorsUrl,
      plansUrl: subgraphs.urls.plans,
    };

    const provinceCodes = areas.rows.filter((r) => r.level === "PROVINCE").map((r) => r.code);
    const districtCodes = areas.rows.filter((r) => r.level === "DISTRICT" && r.parentCode === areas.province.code).map((r) => r.code);
    const suite = workloads({
      indicators: catalogue.indicators,
      provinces: provinceCodes,
      province: { code: areas.province.code, districts: districtCodes },
      years: YEARS,
      targets,
    });

    const layersOf = (workload: Workload): Layer[] => LAYERS.filter((layer) => layer !== "subgraph" || workload.subgraph !== null);
    for (const workload of suite) {
      for (const layer of layersOf(workload)) if (layer !== "bare SQL") await checkAnswer(running.urls[layer], headers, workload, layer);
    }

    const measure = async (years: number, workload: Workload, layer: Layer, connections: number): Promise<MeasuredRow> => {
      const gatewayPid = layer === "subgraph" || layer === "bare SQL" ? null : running.pids[layer];
      const pids = gatewayPid ? [running.pids.subgraphs, gatewayPid] : [running.pids.subgraphs];
      const runs: { value: LoadFigures; peakMiB: Map<number, number> }[] = [];
      for (let run = 0; run < repeat; run++) {
        runs.push(
          await withPeakRss(pids, () =>
            layer === "bare SQL"
              ? runSqlLoad({ work: workload.sql(options.db), connections, warmupSeconds, durationSeconds })
              : runLoad({
                  url: running.urls[layer],
                  body: workload.body,
                  headers,
                  connections,
                  warmupSeconds,
                  durationSeconds,
                  // A smoke row checks that the layer answers: a count of requests, whatever they take on a busy machine.
                  ...(options.smoke ? { requests: 2 * connections } : {}),
                }),
          ),
        );
        // Requests still in flight when the client stopped finish before the next run.
        await new Promise((resolve) => setTimeout(resolve, options.smoke ? 100 : 1000));
      }
      const { median, spread } = medianRun(
        runs,
        (run) => run.value.rps,
        (run) => run.value.p95,
      );
      const peak = (pid: number) => Math.max(...runs.map((run) => run.peakMiB.get(pid)!));
      const row: MeasuredRow = {
        years,
        workload: workload.name,
        layer,
        connections,
        ...median.value,
        gatewayRssMiB: gatewayPid ? peak(gatewayPid) : null,
        subgraphsRssMiB: peak(running.pids.subgraphs),
        runs: repeat,
        spread,
      };
      log(formatRowLine(row));
      return row;
    };

    const rows: MeasuredRow[] = [];
    if (options.only !== "ingest") {
      for (const workload of suite) {
        for (const layer of layersOf(workload)) for (const connections of levels) rows.push(await measure(YEARS.length, workload, layer, connections));
      }
    }

    const ingest: IngestRow[] = [];
    const dashboard = suite.find((w) => w.name === "dashboard")!;
    const writes = endless((year) => yearValues(areas.communes, catalogue, year, batchSize), INGEST_FIRST_YEAR);
    const ingestOnce = async (layer: HttpLayer, pids: number[]) =>
      withPeakRss(pids, async () => {
        let reading = true;
        const read = runLoad({
          url: running.urls[layer],
          body: dashboard.body,
          headers,
          connections: ingestConnections,
          warmupSeconds,
          durationSeconds,
        }).finally(() => (reading = false));
        // Submissions start when the measured window does and stop taking new batches when it ends.
        await new Promise((resolve) => setTimeout(resolve, warmupSeconds * 1000 + 300));
        const start = performance.now();
        const written = await submitBatches(running.urls[layer], headers, writes, 2, () => !reading);
        const seconds = (performance.now() - start) / 1000;
        return { read: await read, values: written.values, seconds, valuesPerSecond: written.values / seconds };
      });
    for (const layer of ["subgraph", ...GATEWAY_LAYERS] as const) {
      const gatewayPid = layer === "subgraph" ? null : running.pids[layer];
      const pids = gatewayPid ? [running.pids.subgraphs, gatewayPid] : [running.pids.subgraphs];
      const runs: Awaited<ReturnType<typeof ingestOnce>>[] = [];
      for (let run = 0; run < repeat; run++) runs.push(await ingestOnce(layer, pids));
      const { median, spread } = medianRun(
        runs,
        (run) => run.value.valuesPerSecond,
        (run) => run.value.read.p95,
      );
      const peak = (pid: number) => Math.max(...runs.map((run) => run.peakMiB.get(pid)!));
      const row: IngestRow = {
        layer,
        connections: ingestConnections,
        ...median.value,
        gatewayRssMiB: gatewayPid ? peak(gatewayPid) : null,
        subgraphsRssMiB: peak(running.pids.subgraphs),
        runs: repeat,
        spread,
      };
      log(
        `ingest under read load via ${layer}: ${Math.round(row.valuesPerSecond)} values/s; dashboard at ${row.connections} connections p95 ${row.read.p95.toFixed(1)} ms, errors ${row.read.errors + row.read.non2xx + row.read.graphqlErrors}`,
      );
      ingest.push(row);
    }

    let earlier = { values: 0, seconds: 0 };
    if (options.only !== "ingest") {
      log(`loading ${EARLIER_YEARS.length} earlier years (twice the data) for the cost-growth rows`);
      earlier = await loadYears(EARLIER_YEARS);
      for (const layer of ["subgraph", ...GATEWAY_LAYERS] as const) {
        for (const connections of levels) rows.push(await measure(YEARS.length + EARLIER_YEARS.length, dashboard, layer, connections));
      }
    }

    return {
      areas: {
        provinces: areas.provinces,
        districts: areas.districts,
        communes: areas.communes.length,
        province: areas.province.code,
        provinceDistricts: areas.province.districts,
      },
      load: {
        values: loaded.values,
        seconds: loaded.seconds,
        valuesPerSecond: loaded.values / loaded.seconds,
        batchSize,
        targets,
        earlierValues: earlier.values,
      },
      warmupSeconds,
      durationSeconds,
      repeat,
      workloads: suite.map((w) => ({ name: w.name, description: w.description })),
      connectionLevels: levels,
      rows,
      ingest,
    };
  } finally {
    for (const stop of stops) await stop();
  }
}

/** Our gateway with its response cache, in a process of its own. */
async function startCachedGateway(options: SuiteOptions, subgraphUrls: Record<string, string>): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const child = await startServiceProcess({ kind: "apollo-gateway", subgraphUrls, databaseUrl: options.databaseUrl });
  return { url: child.urls.gateway, pid: child.pid, stop: () => child.stop() };
}

export class WrongAnswerError extends Error {}

async function checkAnswer(url: string, headers: Record<string, string>, workload: Workload, layer: Layer): Promise<void> {
  const response = await fetch(url, { method: "POST", headers, body: workload.body });
  const json = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  const rows = json.data ? workload.rowsOf(json.data) : -1;
  if (json.errors?.length || rows !== workload.expectedRows) {
    throw new WrongAnswerError(`${workload.name} via ${layer}: expected ${workload.expectedRows} rows, got ${JSON.stringify(json).slice(0, 500)}`);
  }
}

export function formatRowLine(row: MeasuredRow): string {
  const rss = row.gatewayRssMiB === null ? "" : `, gateway RSS ${row.gatewayRssMiB.toFixed(0)} MiB`;
  return (
    `${row.years}y ${row.workload} via ${row.layer}, ${row.connections} conn.: ${row.rps.toFixed(1)} req/s, p50 ${row.p50.toFixed(1)} ms, ` +
    `p95 ${row.p95.toFixed(1)} ms, p99 ${row.p99.toFixed(1)} ms, errors ${row.errors + row.non2xx + row.graphqlErrors}${rss}, subgraphs RSS ${row.subgraphsRssMiB.toFixed(0)} MiB`
  );
}
