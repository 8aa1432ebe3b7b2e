// npm run bench:sdmx -- [--database-url <postgresql://...>] [--areas <vn-units.json>] [--years 10] [--runs 2] [--keep]
// On a scratch database of the PostgreSQL server of --database-url, BENCH_DATABASE_URL or DATABASE_URL (dropped
// afterwards unless --keep), else on an embedded database in a temporary folder (whose memory then counts in the
// process measured). The area list from --areas, VN_UNITS_FILE or NATIONAL_DATA_DIR (see areas-file.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readUnitListFile } from "@vnge/indicators";
import { type Database, createServerDatabase, migrate, openDatabase } from "@vnge/shared";
import { flagValue, hasFlag, runCli } from "../cli/run";
import { benchAreasFile } from "./areas-file";
import { formatSdmxRatio, formatSdmxTable, runSdmxBench } from "./sdmx-bench";
import { machine } from "./suite/report";

const wholeNumber = (args: string[], flag: string, fallback: number, least: number) => {
  const value = Number(flagValue(args, flag) ?? String(fallback));
  if (!(Number.isInteger(value) && value >= least)) throw new Error(`${flag} must be a whole number >= ${least}`);
  return value;
};

runCli(async (args) => {
  const areasFile = benchAreasFile(flagValue(args, "--areas"));
  const years = wholeNumber(args, "--years", 10, 1);
  const runs = wholeNumber(args, "--runs", 2, 2);
  const serverUrl = flagValue(args, "--database-url") || process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  const keep = hasFlag(args, "--keep");
  console.log(`machine: ${machine()}`);

  let db: Database;
  let dispose: () => Promise<void>;
  if (serverUrl) {
    const scratch = await createServerDatabase(serverUrl, "vnge_bench_sdmx");
    db = await openDatabase({ url: scratch.url, poolSize: 10 });
    console.log(`database: scratch database on the PostgreSQL server (${new URL(scratch.url).pathname.slice(1)})${keep ? ", kept" : ""}`);
    dispose = async () => {
      await db.close();
      if (!keep) await scratch.drop();
    };
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vnge-sdmx-bench-db-"));
    db = await openDatabase({ poolSize: 1, dataDir });
    console.log(`database: embedded (PGlite, in this process) at ${dataDir}${keep ? ", kept" : ""}; give --database-url for a PostgreSQL server`);
    dispose = async () => {
      await db.close();
      if (!keep) fs.rmSync(dataDir, { recursive: true, force: true });
    };
  }
  try {
    await migrate(db);
    const rows = readUnitListFile(areasFile);
    const result = await runSdmxBench({ db, rows, years, runs, log: (line) => console.log(line) });
    console.log(
      `\n${result.communes.toLocaleString("en")} communes, ${result.indicators.length} indicators (${result.elements} data elements), ` +
        `${result.values.toLocaleString("en")} values loaded in ${result.loadSeconds.toFixed(0)} s; response cache off; ${runs} timed pulls per row after one warm-up\n`,
    );
    console.log(formatSdmxTable(result));
    console.log(`\n${formatSdmxRatio(result)}`);
  } finally {
    await dispose();
  }
});
