// npm run totals:check [-- --rebuild] [--limit n]
// Compares every running total (data_value_total) with the sum of the stored values beneath it and lists the
// totals that differ; with --rebuild, replaces every total with those sums in one transaction, then checks
// again. Exit code 0 when the totals match (after a rebuild, when they match afterwards), 2 when they differ.
import { checkTotals, rebuildTotals, type TotalsCheckResult } from "@vnge/indicators";
import { migrate } from "@vnge/shared";
import { describeDatabase, withDatabase } from "./database";
import { flagValue, hasFlag, runCli } from "./run";

function print(result: TotalsCheckResult): void {
  for (const d of result.listed) {
    const figures = (f: typeof d.stored) =>
      f ? `male ${f.male ?? "-"}, female ${f.female ?? "-"}, none ${f.none ?? "-"}, reporting ${f.reportingAreas}` : "no row";
    console.log(`  ${d.dataElementCode} ${d.period} ${d.areaCode}: stored ${figures(d.stored)}; values sum to ${figures(d.expected)}`);
  }
  if (result.listed.length < result.differences) console.log(`  ... and ${result.differences - result.listed.length} more`);
}

runCli(async (args) => {
  const rebuild = hasFlag(args, "--rebuild");
  const limit = Number(flagValue(args, "--limit") ?? "20");
  if (!Number.isInteger(limit) || limit < 0) throw new Error("--limit takes a whole number");
  return withDatabase(async (db) => {
    await migrate(db);
    const before = await checkTotals(db, { limit });
    console.log(`${describeDatabase()}: ${before.differences} running total(s) differ from the sums of the stored values`);
    print(before);
    if (!rebuild) return before.differences === 0 ? 0 : 2;
    const written = await rebuildTotals(db);
    const after = await checkTotals(db, { limit });
    console.log(`rebuilt ${written} running total(s) from the stored values; ${after.differences} differ now`);
    print(after);
    return after.differences === 0 ? 0 : 2;
  });
});
