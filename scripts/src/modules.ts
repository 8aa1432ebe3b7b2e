import { subgraph as cases } from "@vnge/cases";
import { subgraph as communications } from "@vnge/communications";
import { subgraph as indicators } from "@vnge/indicators";
import { subgraph as plans } from "@vnge/plans";
import type { ServiceContext, SubgraphEntry, SubgraphModule } from "@vnge/shared";

/** Each entry of the subgraph registry, bound to its workspace's module. */
export const SUBGRAPH_MODULES: Record<SubgraphEntry["name"], SubgraphModule<ServiceContext>> = {
  indicators: indicators as SubgraphModule<ServiceContext>,
  plans: plans as SubgraphModule<ServiceContext>,
  cases: cases as SubgraphModule<ServiceContext>,
  communications: communications as SubgraphModule<ServiceContext>,
};
