// Runs autocannon in a child Node process, so the load generator does not share the event loop
// (or the RSS figure) of the gateway and subgraphs it measures. The child is a short inline script
// rather than a compiled file so the same code runs from the build and under jest (sources only).
import { spawn } from "node:child_process";

export interface LoadRun {
  url: string;
  body: string;
  headers: Record<string, string>;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** Instead of a measured window: exactly this many requests (a smoke run's check that every layer answers). */
  requests?: number;
}

export interface LoadFigures {
  /** Responses in the measured window. */
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Socket errors and timeouts. */
  errors: number;
  non2xx: number;
  /** 2xx responses whose body carried GraphQL errors or no data. */
  graphqlErrors: number;
}

// Warm-up run first (discarded), then the measured run. Latencies come from every response
// (autocannon's own summary has no p95); a body counts as an error unless it has data and no errors.
const CHILD = `
const autocannon = require(process.env.AUTOCANNON_PATH);
const spec = JSON.parse(process.env.LOAD_RUN);
const base = { url: spec.url, method: "POST", headers: spec.headers, body: spec.body, connections: spec.connections };
const ok = (body) => body.startsWith('{"data":{') && !body.includes('"errors":');
const run = (duration, latencies) => new Promise((resolve, reject) => {
  const length = spec.requests && latencies ? { amount: spec.requests } : { duration };
  const instance = autocannon({ ...base, ...length, verifyBody: ok }, (error, result) => (error ? reject(error) : resolve(result)));
  if (latencies) instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
});
(async () => {
  if (spec.warmupSeconds > 0) await run(spec.warmupSeconds);
  const latencies = [];
  const result = await run(spec.durationSeconds, latencies);
  process.stdout.write(JSON.stringify({ latencies, total: result.requests.total, duration: result.duration, errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, mismatches: result.mismatches }));
})().catch((error) => { console.error(error); process.exit(1); });
`;

interface ChildOutput {
  latencies: number[];
  total: number;
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function runLoad(spec: LoadRun): Promise<LoadFigures> {
  const child = spawn(process.execPath, ["-e", CHILD], {
    env: { ...process.env, AUTOCANNON_PATH: require.resolve("autocannon"), LOAD_RUN: JSON.stringify(spec) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) throw new Error(`load generator exited with ${code}: ${stderr.slice(0, 1000)}`);
  const out = JSON.parse(stdout) as ChildOutput;
  const sorted = [...out.latencies].sort((a, b) => a - b);
  return {
    requests: out.total,
    rps: out.total / out.duration,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors: out.errors + out.timeouts,
    non2xx: out.non2xx,
    graphqlErrors: out.mismatches,
  };
}
