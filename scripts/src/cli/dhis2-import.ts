// npm run dhis2:import -- --file <set.json|set.csv> --mapping <mapping.json> [--dry-run] [--strategy CREATE_AND_UPDATE|CREATE|UPDATE] [--as <subject>]
// Imports a DHIS2 data value set into the configured database (docs/decisions/0114-dhis2-import.md).
import { userInfo } from "node:os";
import { importDhis2File, strategyOf } from "../dhis2-import";
import { describeDatabase, withDatabase } from "./database";
import { flagValue, hasFlag, runCli } from "./run";

const USAGE =
  "usage: npm run dhis2:import -- --file <set.json|set.csv> --mapping <mapping.json> [--dry-run] [--strategy CREATE_AND_UPDATE|CREATE|UPDATE] [--as <subject>]";

runCli(async (args) => {
  const file = flagValue(args, "--file");
  const mapping = flagValue(args, "--mapping");
  if (!file || !mapping) throw new Error(USAGE);
  const strategy = strategyOf(flagValue(args, "--strategy"));
  const submittedBy = flagValue(args, "--as") ?? `cli:${userInfo().username}`;
  const report = await withDatabase((db) => importDhis2File(db, file, mapping, { dryRun: hasFlag(args, "--dry-run"), strategy, submittedBy }));
  const [first, ...rest] = report.lines;
  console.log(`${describeDatabase()}: ${first}`);
  for (const line of rest) console.log(line);
  return report.exitCode;
});
