// The bare-SQL layer under the same concurrency as the HTTP runs: `connections` loops, each running a
// workload's statements back to back on the pool, for a warm-up and then a measured window.
import type { LoadFigures } from "../load/load-client";

export interface SqlRun {
  work: () => Promise<unknown>;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function loop(run: SqlRun, seconds: number, latencies: number[] | null): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let errors = 0;
  const worker = async () => {
    while (performance.now() < end) {
      const start = performance.now();
      try {
        await run.work();
        latencies?.push(performance.now() - start);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: run.connections }, worker));
  return errors;
}

export async function runSqlLoad(run: SqlRun): Promise<LoadFigures> {
  if (run.warmupSeconds > 0) await loop(run, run.warmupSeconds, null);
  const latencies: number[] = [];
  const start = performance.now();
  const errors = await loop(run, run.durationSeconds, latencies);
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
    non2xx: 0,
    graphqlErrors: 0,
  };
}
