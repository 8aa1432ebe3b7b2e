// npm run areas:import -- <file.json>: loads the national list of administrative units.
import fs from "node:fs";
import { importAreas, migrate, parseUnitList } from "@vnge/shared";
import { describeDatabase, withDatabase } from "./database";
import { runCli } from "./run";

runCli(async (args) => {
  const file = args.find((arg) => !arg.startsWith("--"));
  if (!file) throw new Error("usage: npm run areas:import -- <units.json>");
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as Error).message}`);
  }
  const rows = parseUnitList(data);
  const summary = await withDatabase(async (db) => {
    await migrate(db);
    return importAreas(db.prisma, rows);
  });
  const byLevel = rows.reduce<Record<string, number>>((acc, row) => ({ ...acc, [row.level]: (acc[row.level] ?? 0) + 1 }), {});
  console.log(`${describeDatabase()}: read ${rows.length} areas (${Object.entries(byLevel).map(([l, n]) => `${n} ${l.toLowerCase()}`).join(", ")})`);
  console.log(`inserted ${summary.inserted}, updated ${summary.updated}, unchanged ${summary.unchanged}`);
});
