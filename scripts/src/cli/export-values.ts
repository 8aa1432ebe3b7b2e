// npm run values:export -- --area <code> --period <period> [--element <code>] [--format csv|json] > file.csv
// Writes the values at an area and beneath it, for one period, in the shape values:import reads.
import { exportValues, type ValueFileFormat } from "@vnge/indicators";
import { AreaDirectory, AreaScope, NATION_CODE } from "@vnge/shared";
import { withDatabase } from "./database";
import { flagValue, runCli } from "./run";

runCli(async (args) => {
  const areaCode = flagValue(args, "--area");
  const period = flagValue(args, "--period");
  const format = (flagValue(args, "--format") ?? "csv") as ValueFileFormat;
  if (!areaCode || !period || (format !== "csv" && format !== "json")) {
    throw new Error("usage: npm run values:export -- --area <code> --period <period> [--element <code>] [--format csv|json] > file.csv");
  }
  const rows = await withDatabase((db) =>
    exportValues(
      db,
      new AreaScope(new AreaDirectory(db), [NATION_CODE]),
      { areaCode, period, dataElementCode: flagValue(args, "--element") },
      format,
      process.stdout,
    ),
  );
  process.stderr.write(`${rows} values exported\n`);
});
