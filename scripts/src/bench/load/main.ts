// npm run bench:load -- [--smoke] [--areas <vn-units.json>] [--duration <s>] [--warmup <s>] [--keep]
// Runs against a scratch database created on the PostgreSQL server of BENCH_DATABASE_URL or
// DATABASE_URL (dropped afterwards unless --keep). The area list is read from --areas or
// VN_UNITS_FILE; --smoke uses the demo areas, a few thousand values and one-second runs.
import os from "node:os";
import path from "node:path";
import { createServerDatabase, migrate, openDatabase, repoRoot } from "@vnge/shared";
import { flagValue, hasFlag, runCli } from "../../cli/run";
import { type LoadResult, formatLoadTable, loadVerdict, runLoadBench } from "./load-bench";

const DEMO_AREAS = path.join(repoRoot, "prisma", "seed", "demo-areas.json");

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} CPUs (nproc), ${cpu}; ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory; Node ${process.version}; ${os.platform()} ${os.release()}`;
}

function seconds(args: string[], flag: string): number | undefined {
  const value = flagValue(args, flag);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n > 0)) throw new Error(`${flag} needs a positive number of seconds`);
  return n;
}

runCli(async (args) => {
  const smoke = hasFlag(args, "--smoke");
  const areasFile = flagValue(args, "--areas") ?? process.env.VN_UNITS_FILE ?? (smoke ? DEMO_AREAS : undefined);
  if (!areasFile) throw new Error("usage: npm run bench:load -- --areas <vn-units.json> (or VN_UNITS_FILE), or --smoke");
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (!serverUrl) throw new Error("set BENCH_DATABASE_URL or DATABASE_URL to a PostgreSQL server; the benchmark creates its own scratch database there");

  console.log(`machine: ${machine()}`);
  const scratch = await createServerDatabase(serverUrl, "vnge_bench");
  const db = await openDatabase({ url: scratch.url, poolSize: 10 });
  let result: LoadResult;
  try {
    await migrate(db);
    result = await runLoadBench({
      db,
      areasFile,
      smoke,
      durationSeconds: seconds(args, "--duration"),
      warmupSeconds: seconds(args, "--warmup"),
      log: (line) => console.log(line),
    });
  } finally {
    await db.close();
    if (!hasFlag(args, "--keep")) await scratch.drop();
  }
  console.log(`\n${result.values.toLocaleString("en")} values; ${result.warmupSeconds} s warm-up and ${result.durationSeconds} s measured per row; RSS before the first run ${result.baselineRssMiB.toFixed(0)} MiB`);
  console.log(`\n${formatLoadTable(result)}\n`);
  for (const line of loadVerdict(result)) console.log(line);
});
