// A DHIS2 data value set from a file, for the command line: the same import as POST /dhis2/api/dataValueSets
// (whole country in scope; every change recorded under --as), its summary as lines to print and the exit code
// (0 written or checked, 2 refused: conflicts, or a file or mapping that cannot be read).
import fs from "node:fs";
import { createDhis2ImportService, type Dhis2ImportSummary, type ImportStrategy, IMPORT_STRATEGIES, parsePayload, readMappingFile } from "@vnge/indicators";
import { AreaDirectory, AreaScope, BadUserInputError, type Database, NATION_CODE, migrate } from "@vnge/shared";

export interface Dhis2ImportReport {
  lines: string[];
  exitCode: 0 | 2;
  summary?: Dhis2ImportSummary;
}

export function strategyOf(text: string | undefined): ImportStrategy {
  const strategy = text ?? "CREATE_AND_UPDATE";
  if (strategy === "DELETE") throw new Error("--strategy DELETE is not supported: stored data values are never deleted; send corrected values instead");
  if (!(IMPORT_STRATEGIES as readonly string[]).includes(strategy))
    throw new Error(`--strategy must be one of ${IMPORT_STRATEGIES.join(", ")}, got "${strategy}"`);
  return strategy as ImportStrategy;
}

export async function importDhis2File(
  db: Database,
  file: string,
  mappingFile: string,
  options: { dryRun: boolean; strategy: ImportStrategy; submittedBy: string },
): Promise<Dhis2ImportReport> {
  await migrate(db);
  const scope = new AreaScope(new AreaDirectory(db), [NATION_CODE]);
  let summary: Dhis2ImportSummary;
  try {
    const mapping = await readMappingFile(mappingFile);
    const values = parsePayload(await fs.promises.readFile(file, "utf8"), file.toLowerCase().endsWith(".csv") ? "csv" : "json");
    summary = await createDhis2ImportService(db, scope).importValues(values, mapping, options);
  } catch (error) {
    if (error instanceof BadUserInputError) return { lines: [`${file}: refused, nothing written: ${error.message}`], exitCode: 2 };
    throw error;
  }
  const { imported, updated, ignored } = summary.importCount;
  const verdict = summary.status === "ERROR" ? "refused, nothing written" : options.dryRun ? "dry run, nothing written" : "written";
  const lines = [
    `${file}: ${summary.status}, ${verdict} (${options.strategy}); imported ${imported}, updated ${updated}, ignored ${ignored}, rejected ${summary.rejected}`,
    ...summary.conflicts.map((c) => {
      const where = c.line === undefined ? `value ${c.indexes.join(", ")}` : `line ${c.line}`;
      return `  ${where} (${c.errorCode}${c.property ? `, ${c.property} ${c.object}` : ""}): ${c.value}`;
    }),
  ];
  if (summary.conflicts.length < summary.rejected) lines.push(`  ... and more: ${summary.rejected} values refused in all`);
  return { lines, exitCode: summary.status === "ERROR" ? 2 : 0, summary };
}
