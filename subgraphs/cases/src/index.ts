import type { SubgraphModule } from "@vnge/shared";
import { type CasesContext, createContext } from "./context";
import { seedDemo } from "./demo/seed";
import { buildSchema } from "./schema";

export const subgraph: SubgraphModule<CasesContext> = {
  name: "cases",
  buildSchema,
  createContext,
  seedDemo,
};

export { CaseFeed, type ResyncSummary } from "./case-feed/case-feed.service";
export { COMMUNE_ELEMENTS, PROVINCE_ELEMENTS } from "./case-feed/case-feed.values";
