// The import of a file of values for the command line: the summary as lines to print and the exit
// code (0 written or checked, 2 refused: bad rows, or a file that is not one of values at all).
import { createDataValueService, type FileImportProgress, importValueFile } from "@vnge/indicators";
import { AreaDirectory, AreaScope, BadUserInputError, type Database, NATION_CODE, migrate } from "@vnge/shared";

export interface ValuesImportReport {
  lines: string[];
  exitCode: 0 | 2;
}

export async function importValues(
  db: Database,
  file: string,
  options: { dryRun: boolean; submittedBy: string; onProgress?: (p: FileImportProgress) => void },
): Promise<ValuesImportReport> {
  await migrate(db);
  const service = createDataValueService(db, new AreaScope(new AreaDirectory(db), [NATION_CODE]));
  let summary: Awaited<ReturnType<typeof importValueFile>>;
  try {
    summary = await importValueFile(service, file, options);
  } catch (error) {
    // A file the import cannot read (no value column, broken CSV, not text, no values): the user's to fix.
    if (error instanceof BadUserInputError) return { lines: [`${file}: refused, nothing written: ${error.message}`], exitCode: 2 };
    throw error;
  }
  const verdict = summary.rejected > 0 ? "refused, nothing written" : options.dryRun ? "dry run, nothing written" : "written";
  const lines = [
    `${file}: ${summary.rows} rows, ${verdict}; imported ${summary.imported}, updated ${summary.updated}, unchanged ${summary.unchanged}, rejected ${summary.rejected}`,
    ...summary.conflicts.map((c) => `  line ${c.line}${c.field ? ` (${c.field})` : ""}: ${c.message}`),
    ...summary.warnings.map((w) => `  warning, line ${w.line}${w.field ? ` (${w.field})` : ""}: ${w.message}`),
  ];
  if (summary.conflicts.length < summary.rejected) lines.push(`  ... and more: ${summary.rejected} rows refused in all`);
  return { lines, exitCode: summary.rejected > 0 ? 2 : 0 };
}
