// npm run cases:resync [-- --pending]: recomputes the case aggregates and pushes them to the indicator engine
// (every commune-year, or only those whose last push failed). Idempotent: values are upserts.
import { resyncCaseAggregates } from "../cases-resync";
import { describeDatabase, withDatabase } from "./database";
import { hasFlag, runCli } from "./run";

runCli(async (args) => {
  const pendingOnly = hasFlag(args, "--pending");
  const summary = await withDatabase((db) => resyncCaseAggregates(db, { pendingOnly }));
  console.log(
    `${describeDatabase()}: pushed ${summary.values} case aggregate values for ${summary.communeYears} commune-year(s)${pendingOnly ? " (pending only)" : ""}`,
  );
});
