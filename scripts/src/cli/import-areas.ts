// npm run areas:import -- <file.json>: loads the national list of administrative units.
import { migrate } from "@vnge/shared";
import { importAreas, readUnitListFile } from "@vnge/indicators";
import { describeDatabase, withDatabase } from "./database";
import { runCli } from "./run";

runCli(async (args) => {
  const file = args.find((arg) => !arg.startsWith("--"));
  if (!file) throw new Error("usage: npm run areas:import -- <units.json>");
  const rows = readUnitListFile(file);
  const summary = await withDatabase(async (db) => {
    await migrate(db);
    return importAreas(db, rows);
  });
  const byLevel: Record<string, number> = {};
  for (const row of rows) byLevel[row.level] = (byLevel[row.level] ?? 0) + 1;
  console.log(
    `${describeDatabase()}: read ${rows.length} areas (${Object.entries(byLevel)
      .map(([l, n]) => `${n} ${l.toLowerCase()}`)
      .join(", ")})`,
  );
  console.log(`inserted ${summary.inserted}, updated ${summary.updated}, unchanged ${summary.unchanged}`);
});
