// npm run agencies:import -- <file.csv|file.json>
// Defines or changes the file's agencies (all or nothing); prints how many per area, or every problem with its line.
import { AgencyFileError } from "@vnge/plans";
import { AppError, migrate } from "@vnge/shared";
import { importAgencyFile } from "../agencies-import";
import { describeDatabase, withDatabase } from "./database";
import { runCli } from "./run";

const USAGE = "usage: npm run agencies:import -- <agencies.csv|agencies.json>  (columns: code, area_code, hierarchy, kind, name, name_vi, aliases)";

runCli(async (args) => {
  const file = args.find((arg) => !arg.startsWith("--"));
  if (!file) throw new Error(USAGE);
  try {
    const agencies = await withDatabase(async (db) => {
      await migrate(db);
      return importAgencyFile(db, file);
    });
    const byArea = new Map<string, number>();
    for (const agency of agencies) byArea.set(agency.areaCode, (byArea.get(agency.areaCode) ?? 0) + 1);
    console.log(`${describeDatabase()}: defined or updated ${agencies.length} agencies`);
    for (const [area, count] of byArea) console.log(`  area ${area}: ${count}`);
  } catch (error) {
    if (!(error instanceof AgencyFileError || error instanceof AppError)) throw error;
    console.error(`nothing was imported:\n${error.message}`);
    return 2;
  }
});
