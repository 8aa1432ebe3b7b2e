// npm run values:import -- <file.csv|file.json> [--dry-run] [--as <subject>]
// Imports data values from a file into the configured database through the same write path as
// submitDataValues (whole country in scope; every change recorded under --as). Streams the file
// twice: a check of every row, then the writes in batches (docs/decisions/0050-value-file-import.md).
import { userInfo } from "node:os";
import { SingleBar } from "cli-progress";
import type { FileImportProgress } from "@vnge/indicators";
import { importValues } from "../values-import";
import { describeDatabase, withDatabase } from "./database";
import { flagValue, hasFlag, runCli } from "./run";

/** A bar on a terminal; a plain line per batch on stderr when piped. */
function progressReporter(): { update: (p: FileImportProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) {
    return {
      update: (p) => process.stderr.write(`${p.phase}: ${p.rows} rows, ${Math.round((100 * p.bytesRead) / Math.max(p.totalBytes, 1))}%\n`),
      stop: () => undefined,
    };
  }
  let bar: SingleBar | null = null;
  let phase = "";
  return {
    update: (p) => {
      if (p.phase !== phase) {
        bar?.stop();
        phase = p.phase;
        bar = new SingleBar({ format: `${p.phase.padEnd(5)} [{bar}] {percentage}% | {rows} rows`, stream: process.stderr, hideCursor: true });
        bar.start(p.totalBytes, 0, { rows: 0 });
      }
      bar?.update(p.bytesRead, { rows: p.rows });
    },
    stop: () => bar?.stop(),
  };
}

runCli(async (args) => {
  const file = args.find((arg, i) => !arg.startsWith("--") && args[i - 1] !== "--as");
  if (!file) throw new Error("usage: npm run values:import -- <file.csv|file.json> [--dry-run] [--as <subject>]");
  const dryRun = hasFlag(args, "--dry-run");
  const submittedBy = flagValue(args, "--as") ?? `cli:${userInfo().username}`;
  const progress = progressReporter();
  const report = await withDatabase(async (db) => {
    try {
      return await importValues(db, file, { dryRun, submittedBy, onProgress: progress.update });
    } finally {
      progress.stop();
    }
  });
  const [first, ...rest] = report.lines;
  console.log(`${describeDatabase()}: ${first}`);
  for (const line of rest) console.log(line);
  return report.exitCode;
});
