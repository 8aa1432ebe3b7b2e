// npm run bench:report -- [--smoke] [--areas <vn-units.json>] [--runs <n>] [--keep]
// On a scratch database of the PostgreSQL server of BENCH_DATABASE_URL or DATABASE_URL (dropped afterwards unless --keep);
// the area list from --areas, VN_UNITS_FILE or NATIONAL_DATA_DIR (see areas-file.ts), the demo areas with --smoke.
import os from "node:os";
import { createServerDatabase, migrate, openDatabase } from "@vnge/shared";
import { flagValue, hasFlag, runCli } from "../cli/run";
import { benchAreasFile } from "./areas-file";
import { formatReportTable, runReportBench } from "./report-bench";

runCli(async (args) => {
  const smoke = hasFlag(args, "--smoke");
  const areasFile = benchAreasFile(flagValue(args, "--areas"), { smoke, offersSmoke: true });
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (!serverUrl) throw new Error("set BENCH_DATABASE_URL or DATABASE_URL to a PostgreSQL server; the benchmark creates its own scratch database there");
  const runs = Number(flagValue(args, "--runs") ?? "5");
  if (!(Number.isInteger(runs) && runs > 0)) throw new Error("--runs must be a whole number > 0");
  console.log(`machine: ${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? "unknown CPU"}; Node ${process.version}`);
  const scratch = await createServerDatabase(serverUrl, "vnge_bench_report");
  const db = await openDatabase({ url: scratch.url, poolSize: 10 });
  try {
    await migrate(db);
    const result = await runReportBench({ db, areasFile, runs, log: (line) => console.log(line) });
    console.log(
      `\n${result.areas.provinces} provinces, ${result.areas.communes.toLocaleString("en")} communes, ${result.values.toLocaleString("en")} values, ${result.targets} national targets; peak RSS ${result.peakRssMiB.toFixed(0)} MiB\n`,
    );
    console.log(formatReportTable(result));
  } finally {
    await db.close();
    if (!hasFlag(args, "--keep")) await scratch.drop();
  }
});
