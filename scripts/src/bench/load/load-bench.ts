// The dashboard query under concurrency: the indicator benchmark's data set (national area list,
// 20 commune-level elements x 2 sexes x 1 year, loaded through the gateway), then autocannon at
// 1, 10 and 50 connections against the gateway and straight against the indicators subgraph.
import { type Database, Role, loadAuthConfig, signToken } from "@vnge/shared";
import { startSystem } from "../../system";
import { BENCH_PERIOD, type BenchResult, benchCatalogue, runIndicatorBench } from "../indicators-bench";
import { type LoadFigures, runLoad } from "./load-client";

export const CONNECTION_LEVELS = [1, 10, 50] as const;
export const LOAD_TARGETS = ["gateway", "indicators subgraph"] as const;
export type LoadTarget = (typeof LOAD_TARGETS)[number];

export interface LoadOptions {
  db: Database;
  areasFile: string;
  smoke: boolean;
  /** Seconds per measured run and per warm-up run before it. */
  durationSeconds?: number;
  warmupSeconds?: number;
  log?: (line: string) => void;
}

export interface LoadRow extends LoadFigures {
  target: LoadTarget;
  connections: number;
  /** Peak RSS of this process (gateway and all subgraphs), MiB, sampled during warm-up and run. */
  peakRssMiB: number;
}

export interface LoadResult {
  areas: BenchResult["areas"];
  values: number;
  indicators: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** RSS of this process before the first run (after loading the data), MiB. */
  baselineRssMiB: number;
  rows: LoadRow[];
}

const DASHBOARD = `query Dashboard($codes: [ID!]!, $periods: [String!]!) {
  rollup(indicatorCodes: $codes, periods: $periods, parentCode: "VN", level: PROVINCE) {
    indicator { code } area { code } period total male female
  }
}`;

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Samples the RSS every 25 ms while `work` runs and returns the peak with the result. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ value: T; peak: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  try {
    const value = await work();
    return { value, peak: Math.max(peak, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
}

export async function runLoadBench(options: LoadOptions): Promise<LoadResult> {
  const log = options.log ?? (() => undefined);
  const durationSeconds = options.durationSeconds ?? (options.smoke ? 1 : 20);
  const warmupSeconds = options.warmupSeconds ?? (options.smoke ? 0.5 : 5);

  // Areas, catalogue and values go in exactly as in the indicator benchmark (one timed pass only).
  const loaded = await runIndicatorBench({ db: options.db, areasFile: options.areasFile, smoke: options.smoke, iterations: 1, log });
  const indicatorCodes = benchCatalogue(20).indicators.map((i) => i.code).slice(0, 10);
  const expectedRows = indicatorCodes.length * loaded.areas.provinces;

  const auth = loadAuthConfig();
  if (!auth.secret) throw new Error("the benchmark signs its own token: set AUTH_JWT_SECRET");
  const token = await signToken(
    { subject: "benchmark", roles: [Role.ADMIN], areaCodes: ["VN"] },
    { secret: auth.secret, issuer: auth.issuer, audience: auth.audience, expiresInSeconds: 3600 },
  );
  const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
  const body = JSON.stringify({ query: DASHBOARD, variables: { codes: indicatorCodes, periods: [BENCH_PERIOD] } });

  const system = await startSystem({ db: options.db, ports: "random", host: "127.0.0.1", migrate: false, seedDemo: false });
  try {
    const urls: Record<LoadTarget, string> = { gateway: system.gatewayUrl!, "indicators subgraph": system.subgraphUrls.indicators! };
    for (const target of LOAD_TARGETS) {
      const response = await fetch(urls[target], { method: "POST", headers, body });
      const json = (await response.json()) as { data?: { rollup: unknown[] }; errors?: { message: string }[] };
      if (json.errors?.length || json.data?.rollup.length !== expectedRows)
        throw new Error(`${target}: expected ${expectedRows} rows, got ${JSON.stringify(json).slice(0, 500)}`);
    }

    const baselineRssMiB = process.memoryUsage().rss / 2 ** 20;
    const rows: LoadRow[] = [];
    for (const target of LOAD_TARGETS) {
      for (const connections of CONNECTION_LEVELS) {
        const { value, peak } = await withPeakRss(() => runLoad({ url: urls[target], body, headers, connections, warmupSeconds, durationSeconds }));
        const row: LoadRow = { target, connections, ...value, peakRssMiB: peak / 2 ** 20 };
        log(`${target}, ${connections} connections: ${row.rps.toFixed(1)} req/s, p50 ${ms(row.p50)}, p95 ${ms(row.p95)}, p99 ${ms(row.p99)}, ` +
          `errors ${row.errors}, non-2xx ${row.non2xx}, GraphQL errors ${row.graphqlErrors}, peak RSS ${row.peakRssMiB.toFixed(0)} MiB`);
        rows.push(row);
        // Requests still in flight when the client stopped finish before the next run (or the shutdown).
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
    return { areas: loaded.areas, values: loaded.ingest.values, indicators: indicatorCodes.length, durationSeconds, warmupSeconds, baselineRssMiB, rows };
  } finally {
    await system.stop();
  }
}

export function formatLoadTable(result: LoadResult): string {
  return [
    "| target | connections | req/s | p50 | p95 | p99 | errors | non-2xx | GraphQL errors | peak RSS |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...result.rows.map(
      (r) =>
        `| ${r.target} | ${r.connections} | ${r.rps.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.errors} | ${r.non2xx} | ${r.graphqlErrors} | ${r.peakRssMiB.toFixed(0)} MiB |`,
    ),
  ].join("\n");
}

/** The feature request's read targets, judged on these figures. */
export function loadVerdict(result: LoadResult): string[] {
  const row = (target: LoadTarget, connections: number) => result.rows.find((r) => r.target === target && r.connections === connections)!;
  const met = (ok: boolean) => (ok ? "met" : "**missed**");
  const g10 = row("gateway", 10);
  const g50 = row("gateway", 50);
  const clean = (r: LoadRow) => r.errors + r.non2xx + r.graphqlErrors === 0;
  const overheads = CONNECTION_LEVELS.map((c) => ({ c, overhead: row("gateway", c).p50 / row("indicators subgraph", c).p50 - 1 }));
  const peakRss = g50.peakRssMiB;
  return [
    `- p95 <= 100 ms at 10 clients through the gateway: p95 ${ms(g10.p95)}: ${met(g10.p95 <= 100)}.`,
    `- >= 200 req/s at 50 clients with no errors through the gateway: ${g50.rps.toFixed(1)} req/s, ${g50.errors + g50.non2xx + g50.graphqlErrors} errors: ${met(g50.rps >= 200 && clean(g50))}.`,
    `- Gateway overhead over the subgraph <= 30% at p50: ${overheads.map((o) => `${o.c} conn. ${(o.overhead * 100).toFixed(0)}%`).join(", ")}: ` +
      `${met(overheads.every((o) => o.overhead <= 0.3))}.`,
    `- Gateway RSS <= 300 MB under the 50-client run: peak ${peakRss.toFixed(0)} MiB for the whole process (gateway and all four subgraphs together, so an upper bound; ${result.baselineRssMiB.toFixed(0)} MiB before the first run): ${met(peakRss * 2 ** 20 <= 300e6)}.`,
  ];
}
