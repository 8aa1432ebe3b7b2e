// npm run catalogue:import -- <catalogue.json> [--dry-run] [--as <subject>]: applies a catalogue file, all or
// nothing; a refused file names every bad entry and exits with code 2.
import fs from "node:fs";
import { CatalogueFileError, type CatalogueImportSummary, importCatalogue } from "@vnge/indicators";
import { migrate } from "@vnge/shared";
import { describeDatabase, withDatabase } from "./database";
import { flagValue, hasFlag, runCli } from "./run";

export function describeCatalogueImport(summary: CatalogueImportSummary): string {
  const lines = [
    `${summary.dryRun ? "dry run, nothing written: would create" : "created"} ${summary.created.length}, ${summary.dryRun ? "update" : "updated"} ${summary.updated.length}, ${summary.dryRun ? "retire" : "retired"} ${summary.retired.length}; ${summary.unchanged} unchanged`,
  ];
  for (const [label, codes] of [
    ["create", summary.created],
    ["update", summary.updated],
    ["retire", summary.retired],
  ] as const) {
    for (const code of codes) lines.push(`  ${label} ${code}`);
  }
  return lines.join("\n");
}

runCli(async (args) => {
  const file = args.find((arg, i) => !arg.startsWith("--") && args[i - 1] !== "--as");
  if (!file) throw new Error("usage: npm run catalogue:import -- <catalogue.json> [--dry-run] [--as <subject>]");
  const text = fs.readFileSync(file, "utf8");
  try {
    const summary = await withDatabase(async (db) => {
      await migrate(db);
      return importCatalogue(db, text, { dryRun: hasFlag(args, "--dry-run"), changedBy: flagValue(args, "--as") ?? "catalogue:import" });
    });
    console.log(`${describeDatabase()}: ${file}: ${describeCatalogueImport(summary)}`);
  } catch (error) {
    if (!(error instanceof CatalogueFileError)) throw error;
    console.error(`${file}: ${error.message}`);
    return 2;
  }
});
