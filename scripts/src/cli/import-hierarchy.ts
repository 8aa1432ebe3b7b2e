// npm run hierarchy:import -- --code 2025-07 --valid-from 2025-07-01 --previous 2025-03
//   --provinces <provinces.csv> --merges <merges.json> [--splits <splits.json>] [--name "..."]
// Loads a new version of the administrative hierarchy and its mapping from the previous version.
import { migrate } from "@vnge/shared";
import { importHierarchyVersion, readReformFiles } from "@vnge/indicators";
import { describeDatabase, withDatabase } from "./database";
import { flagValue, runCli } from "./run";

const USAGE =
  "usage: npm run hierarchy:import -- --code 2025-07 --valid-from 2025-07-01 --previous 2025-03 " +
  "--provinces <provinces.csv> --merges <merges.json> [--splits <splits.json>] [--name <name>]";

runCli(async (args) => {
  const required = (flag: string) => {
    const value = flagValue(args, flag);
    if (!value) throw new Error(`${flag} is required\n${USAGE}`);
    return value;
  };
  const code = required("--code");
  const version = {
    code,
    validFrom: required("--valid-from"),
    previous: required("--previous"),
    name: flagValue(args, "--name") ?? `Hierarchy in force from ${required("--valid-from")}`,
  };
  const reform = readReformFiles({ provinces: required("--provinces"), merges: required("--merges"), splits: flagValue(args, "--splits") });
  const summary = await withDatabase(async (db) => {
    await migrate(db);
    return importHierarchyVersion(db, version, reform);
  });
  const levels: Record<string, number> = {};
  for (const row of reform.areas) levels[row.level] = (levels[row.level] ?? 0) + 1;
  console.log(`${describeDatabase()}: version ${code} (from ${version.validFrom}, mapped from ${version.previous})`);
  console.log(
    `areas: ${Object.entries(levels)
      .map(([l, n]) => `${n} ${l.toLowerCase()}`)
      .join(", ")}; inserted ${summary.areas.inserted}, updated ${summary.areas.updated}, unchanged ${summary.areas.unchanged}`,
  );
  console.log(`mappings: ${summary.mappings}; crosswalk rows: ${summary.crosswalkRows}`);
  if (summary.skippedCodes.length > 0) {
    console.log(`skipped ${summary.skippedCodes.length} old code(s) that are not areas of ${version.previous}: ${summary.skippedCodes.join(", ")}`);
  }
});
