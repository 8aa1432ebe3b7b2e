import type { SubgraphModule } from "@vnge/shared";
import { CaseFeedStore } from "./case-feed/case-feed.store";
import { type CasesContext, createContext } from "./context";
import { seedDemo } from "./demo/seed";
import { buildSchema } from "./schema";

export const subgraph: SubgraphModule<CasesContext> = {
  name: "cases",
  buildSchema,
  createContext,
  seedDemo,
  watch(db, metrics) {
    const store = new CaseFeedStore(db);
    metrics.gauge("case_feed_pending", "Commune-years whose case tallies wait for a push to the indicators subgraph", [], async (gauge) => {
      gauge.set(await store.pendingCount());
    });
  },
};

export { CaseFeed, type ResyncSummary } from "./case-feed/case-feed.service";
export { COMMUNE_ELEMENTS, PROVINCE_ELEMENTS } from "./case-feed/case-feed.values";
