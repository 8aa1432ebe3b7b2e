// npm run bench -- [--smoke] [--areas <vn-units.json>] [--warmup <s>] [--duration <s>] [--repeat <n>] [--only ingest] [--keep]
// The suite on a scratch database created on the PostgreSQL server of BENCH_DATABASE_URL (dropped
// afterwards unless --keep). The area list is read from --areas, VN_UNITS_FILE or NATIONAL_DATA_DIR
// (see ../areas-file.ts); --smoke uses the demo areas and sub-second rows.
import { createServerDatabase, loadConfig, migrate, openDatabase } from "@vnge/shared";
import { flagValue, hasFlag, runCli } from "../../cli/run";
import { benchAreasFile } from "../areas-file";
import { formatReport, machine, verdict } from "./report";
import { runSuite } from "./suite";

function seconds(args: string[], flag: string): number | undefined {
  const value = flagValue(args, flag);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n > 0)) throw new Error(`${flag} needs a positive number of seconds`);
  return n;
}

function runs(args: string[]): number | undefined {
  const value = flagValue(args, "--repeat");
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error("--repeat needs a whole number of runs, 1 or more");
  return n;
}

function only(args: string[]): "ingest" | undefined {
  const value = flagValue(args, "--only");
  if (value === undefined) return undefined;
  if (value !== "ingest") throw new Error(`--only takes "ingest" (the ingest rows alone), not "${value}"`);
  return value;
}

runCli(async (args) => {
  const smoke = hasFlag(args, "--smoke");
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) throw new Error("set BENCH_DATABASE_URL to a PostgreSQL server; the benchmark creates its own scratch database there");
  const file = benchAreasFile(flagValue(args, "--areas"), { smoke, offersSmoke: true });
  console.log(`machine: ${machine()}`);
  const poolSize = loadConfig().database.poolSize;
  const scratch = await createServerDatabase(serverUrl, "vnge_bench");
  const db = await openDatabase({ url: scratch.url, poolSize });
  try {
    await migrate(db);
    const result = await runSuite({
      db,
      databaseUrl: scratch.url,
      poolSize,
      areasFile: file,
      smoke,
      warmupSeconds: seconds(args, "--warmup"),
      durationSeconds: seconds(args, "--duration"),
      repeat: runs(args),
      only: only(args),
      log: (line) => console.log(line),
    });
    console.log(`\n${formatReport(result)}\n`);
    for (const line of verdict(result)) console.log(line);
  } finally {
    await db.close();
    if (!hasFlag(args, "--keep")) await scratch.drop();
  }
});
