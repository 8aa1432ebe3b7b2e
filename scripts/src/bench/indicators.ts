// npm run bench:indicators -- [--smoke] [--areas <vn-units.json>] [--markdown] [--keep]
// Runs against a scratch database created on the PostgreSQL server of BENCH_DATABASE_URL or
// DATABASE_URL (dropped afterwards unless --keep). The area list is read from --areas, VN_UNITS_FILE or
// NATIONAL_DATA_DIR (see areas-file.ts); --smoke uses the demo areas and a few thousand values.
import os from "node:os";
import { createServerDatabase, migrate, openDatabase } from "@vnge/shared";
import { flagValue, hasFlag, runCli } from "../cli/run";
import { benchAreasFile } from "./areas-file";
import { type BenchResult, formatTable, runIndicatorBench } from "./indicators-bench";

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} CPUs (nproc), ${cpu}; ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory; Node ${process.version}; ${os.platform()} ${os.release()}`;
}

function verdict(result: BenchResult): string[] {
  const [rollup, national] = result.latencies;
  const lines = [
    `- Ingest: ${Math.round(result.ingest.valuesPerSecond).toLocaleString("en")} values/s (target >= 25,000): ${result.ingest.valuesPerSecond >= 25_000 ? "met" : "**missed**"}.`,
    `- Rollup through the gateway: p95 ${rollup.p95.toFixed(1)} ms (target <= 100 ms): ${rollup.p95 <= 100 ? "met" : "**missed**"}.`,
    `- One national value through the gateway: p95 ${national.p95.toFixed(1)} ms (target <= 20 ms): ${national.p95 <= 20 ? "met" : "**missed**"}.`,
    `- Re-submitting a batch of ${result.ingest.batchSize.toLocaleString("en")}: ${result.ingest.resubmitUnchanged.toLocaleString("en")} unchanged.`,
    `- A changed value was ${result.freshness.visible ? "visible" : "**not visible**"} in the national rollup on the next query (numerator ${result.freshness.before} -> ${result.freshness.after}).`,
  ];
  return lines;
}

runCli(async (args) => {
  const smoke = hasFlag(args, "--smoke");
  const areasFile = benchAreasFile(flagValue(args, "--areas"), { smoke, offersSmoke: true });
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (!serverUrl) throw new Error("set BENCH_DATABASE_URL or DATABASE_URL to a PostgreSQL server; the benchmark creates its own scratch database there");

  const scratch = await createServerDatabase(serverUrl, "vnge_bench");
  const db = await openDatabase({ url: scratch.url, poolSize: 10 });
  let result: BenchResult;
  try {
    await migrate(db);
    result = await runIndicatorBench({ db, areasFile, smoke, log: (line) => console.log(line) });
  } finally {
    await db.close();
    if (!hasFlag(args, "--keep")) await scratch.drop();
  }

  const table = formatTable(result);
  console.log(`\n${table}\n`);
  for (const line of verdict(result)) console.log(line);

  // The section of docs/benchmarks.md, printed to be pasted there: the file holds every benchmark's results.
  if (hasFlag(args, "--markdown")) {
    const doc = [
      "## Indicator engine",
      "",
      "Reproduce (PostgreSQL server; the benchmark creates and drops its own scratch database):",
      "",
      "```sh",
      `BENCH_DATABASE_URL=postgresql://root@127.0.0.1:5432/postgres npm run bench:indicators -- --areas /path/to/vn-units-2025-03.json${smoke ? " --smoke" : ""}`,
      "```",
      "",
      `Machine: ${machine()}. PostgreSQL server on the same machine; gateway, the four subgraphs and the load generator in one Node process.`,
      "",
      `Data: ${result.areas.provinces} provinces, ${result.areas.districts} districts, ${result.areas.communes} communes; ` +
        `${result.ingest.values.toLocaleString("en")} values (20 commune-level elements x 2 sexes x 1 year, fixed seed), ` +
        `sent through the gateway's submitDataValues in batches of ${result.ingest.batchSize.toLocaleString("en")}, ${result.ingest.concurrency} in flight: ` +
        `${result.ingest.seconds.toFixed(1)} s.`,
      "",
      `Latencies over ${result.latencies[0].runs} runs each after 5 warm-up runs, one request at a time:`,
      "",
      table,
      "",
      "The bare SQL rows run the two statements a batch of values costs (totals read and expected-area count) straight",
      "on the pool, in parallel, without GraphQL.",
      "",
      ...verdict(result),
      "",
    ].join("\n");
    console.log(`\n${doc}`);
  }
});
