// Recomputes the case-derived aggregates and pushes them to the indicator engine (recovery after failed
// pushes, or after restoring a database). Runs its own indicators subgraph on a free port over the same
// database, so it works with the embedded PGlite directory (one owner) as with PostgreSQL.
import { CaseFeed, type ResyncSummary } from "@vnge/cases";
import { AreaDirectory, type Database, IndicatorFeed, loadAuthConfig, rootLogger } from "@vnge/shared";
import { startSystem } from "./system";

export async function resyncCaseAggregates(db: Database, options: { pendingOnly?: boolean } = {}): Promise<ResyncSummary> {
  const system = await startSystem({ db, only: ["indicators"], ports: "random" });
  try {
    const indicatorFeed = new IndicatorFeed("cases", loadAuthConfig(), () => system.subgraphUrls.indicators);
    return await new CaseFeed(db, new AreaDirectory(db), indicatorFeed, rootLogger).resync({ pendingOnly: options.pendingOnly, requestId: "cases-resync" });
  } finally {
    await system.stop();
  }
}
