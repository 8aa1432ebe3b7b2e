// npm run plans:import -- <file.csv> --area <code> --document <number> [--title ... --type YEARLY --start 2017 --end 2017 --date YYYY-MM-DD] [--dry-run]
// Imports a plan's target table; prints what was imported and every row that was not, with its reason.
import { migrate } from "@vnge/shared";
import { describeImport, importPlanFile } from "../plan-import";
import { describeDatabase, withDatabase } from "./database";
import { flagValue, hasFlag, runCli } from "./run";

const USAGE = "usage: npm run plans:import -- <file.csv> --area <code> --document <number> [--title <title> --type YEARLY|FIVE_YEAR|STRATEGY --start <year> --end <year> --date <YYYY-MM-DD>] [--dry-run]";

runCli(async (args) => {
  const file = args[0]?.startsWith("--") ? undefined : args[0];
  const areaCode = flagValue(args, "--area");
  const documentNumber = flagValue(args, "--document");
  if (!file || !areaCode || !documentNumber) throw new Error(USAGE);
  const title = flagValue(args, "--title");
  const type = (flagValue(args, "--type") ?? "YEARLY") as "YEARLY" | "FIVE_YEAR" | "STRATEGY";
  const startYear = Number(flagValue(args, "--start"));
  const endYear = Number(flagValue(args, "--end") ?? startYear);
  const create = title ? { title, type, startYear, endYear, documentDate: flagValue(args, "--date") } : undefined;
  const result = await withDatabase(async (db) => {
    await migrate(db);
    return importPlanFile(db, { file, areaCode, documentNumber, create, dryRun: hasFlag(args, "--dry-run") });
  });
  console.log(`${describeDatabase()}:`);
  for (const line of describeImport(result)) console.log(line);
});
