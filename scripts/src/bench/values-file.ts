// npm run bench:values-file -- [--areas /path/to/vn-units-2025-03.json] [--elements 20] [--keep]
// Writes a national CSV (every commune x 20 elements x 2 sexes), imports it into a scratch database on
// the PostgreSQL server of BENCH_DATABASE_URL or DATABASE_URL with importValueFile, twice, and prints the
// time and the process's peak RSS of each run (sampled every 50 ms) with the figures for docs/benchmarks.md.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { createDataValueService, type FileImportSummary, importValueFile, seedCatalogue } from "@vnge/indicators";
import { AreaDirectory, AreaScope, createServerDatabase, migrate, NATION_CODE, openDatabase } from "@vnge/shared";
import { importAreas, parseUnitList } from "@vnge/indicators";
import { flagValue, hasFlag, runCli } from "../cli/run";
import { benchAreasFile } from "./areas-file";
import { BENCH_PERIOD, benchCatalogue, seededRandom } from "./indicators-bench";

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

/** Peak RSS while `work` runs, sampled, so each run's peak is its own. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; peakRss: number; startRss: number }> {
  const startRss = process.memoryUsage.rss();
  let peakRss = startRss;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
  const start = process.hrtime.bigint();
  try {
    const result = await work();
    return { result, seconds: Number(process.hrtime.bigint() - start) / 1e9, peakRss: Math.max(peakRss, process.memoryUsage.rss()), startRss };
  } finally {
    clearInterval(timer);
  }
}

runCli(async (args) => {
  const areasFile = benchAreasFile(flagValue(args, "--areas"));
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (!serverUrl) throw new Error("set BENCH_DATABASE_URL or DATABASE_URL to a PostgreSQL server");
  const scratch = await createServerDatabase(serverUrl, "vnge_bench_file");
  const db = await openDatabase({ url: scratch.url, poolSize: 4 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "values-file-bench-"));
  const file = path.join(dir, "national.csv");
  try {
    await migrate(db);
    const rows = parseUnitList(JSON.parse(fs.readFileSync(areasFile, "utf8")));
    await importAreas(db, rows);
    const catalogue = benchCatalogue(Number(flagValue(args, "--elements") ?? "20"));
    await seedCatalogue(db, catalogue);
    const communes = rows.filter((r) => r.level === "COMMUNE").map((r) => r.code);

    const out = fs.createWriteStream(file);
    const random = seededRandom(20_231_231);
    out.write("data_element,area_code,period,sex,value,status,comment\n");
    let lines = 0;
    for (const element of catalogue.dataElements) {
      for (const area of communes) {
        for (const sex of ["MALE", "FEMALE"]) {
          lines++;
          if (!out.write(`${element.code},${area},${BENCH_PERIOD},${sex},${Math.floor(random() * 500)},,\n`)) await once(out, "drain");
        }
      }
    }
    out.end();
    await once(out, "finish");
    const size = fs.statSync(file).size;
    console.log(`${communes.length} communes; ${lines.toLocaleString("en")} rows, ${mib(size)} MiB`);

    const service = createDataValueService(db, new AreaScope(new AreaDirectory(db), [NATION_CODE]));
    const runs: { label: string; m: Awaited<ReturnType<typeof measured<FileImportSummary>>> }[] = [];
    for (const label of ["first import", "second import (same file)"]) {
      const m = await measured(() => importValueFile(service, file, { submittedBy: "benchmark" }));
      const s = m.result;
      console.log(
        `${label}: ${m.seconds.toFixed(1)} s (check and write passes), ${Math.round(s.rows / m.seconds).toLocaleString("en")} rows/s; ` +
          `imported ${s.imported}, updated ${s.updated}, unchanged ${s.unchanged}, rejected ${s.rejected}; RSS ${mib(m.startRss)} MiB at start, peak ${mib(m.peakRss)} MiB`,
      );
      runs.push({ label, m });
    }
    const dry = await measured(() => importValueFile(service, file, { submittedBy: "benchmark", dryRun: true }));
    console.log(`dry run: ${dry.seconds.toFixed(1)} s; peak RSS ${mib(dry.peakRss)} MiB`);
    console.log(`machine: ${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? "unknown CPU"}; Node ${process.version}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await db.close();
    if (!hasFlag(args, "--keep")) await scratch.drop();
  }
});
