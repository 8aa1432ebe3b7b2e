import type { SubgraphModule } from "@vnge/shared";
import { type CommunicationsContext, createContext } from "./context";
import { seedDemo } from "./demo/seed";
import { buildSchema } from "./schema";

export const subgraph: SubgraphModule<CommunicationsContext> = {
  name: "communications",
  buildSchema,
  createContext,
  seedDemo,
};
