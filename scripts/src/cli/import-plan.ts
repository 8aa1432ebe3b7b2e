// npm run plans:import -- <file.csv> --area <code> --document <number> [--title ... --type YEARLY --start 2017 --end 2017 --date YYYY-MM-DD]
//   [--define-missing [--level PROVINCE|DISTRICT|COMMUNE]] [--define-agencies] [--dry-run]
// Imports a plan's target table; prints what was defined and imported and every row that was not, with its reason.
import { CatalogueFileError } from "@vnge/indicators";
import { type AreaLevel, migrate } from "@vnge/shared";
import { PlanImportError, describeImport, importPlanFile } from "../plan-import";
import { describeDatabase, withDatabase } from "./database";
import { flagValue, hasFlag, runCli } from "./run";

const USAGE =
  "usage: npm run plans:import -- <file.csv> --area <code> --document <number> [--title <title> --type YEARLY|FIVE_YEAR|STRATEGY --start <year> --end <year> --date <YYYY-MM-DD>] [--define-missing [--level PROVINCE|DISTRICT|COMMUNE]] [--define-agencies] [--dry-run]";
const LEVELS: readonly AreaLevel[] = ["PROVINCE", "DISTRICT", "COMMUNE"];

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
  const level = (flagValue(args, "--level") ?? "PROVINCE") as AreaLevel;
  if (!LEVELS.includes(level)) throw new Error(`--level must be one of ${LEVELS.join(", ")}\n${USAGE}`);
  const defineMissing = hasFlag(args, "--define-missing") ? { level } : undefined;
  let result: Awaited<ReturnType<typeof importPlanFile>>;
  try {
    result = await withDatabase(async (db) => {
      await migrate(db);
      return importPlanFile(db, {
        file,
        areaCode,
        documentNumber,
        create,
        dryRun: hasFlag(args, "--dry-run"),
        defineMissing,
        defineAgencies: hasFlag(args, "--define-agencies"),
      });
    });
  } catch (error) {
    if (!(error instanceof PlanImportError || error instanceof CatalogueFileError)) throw error;
    console.error(error.message);
    return 2;
  }
  console.log(`${describeDatabase()}:`);
  for (const line of describeImport(result)) console.log(line);
});
