import type { ServiceContext } from "@vnge/shared";
import { createPlanLoaders, type PlanLoaders } from "./plan/plan.loader";
import { PlanStore } from "./plan/plan.store";

export interface PlansContext extends ServiceContext {
  loaders: PlanLoaders;
}

export function createContext(base: ServiceContext): PlansContext {
  return { ...base, loaders: createPlanLoaders(new PlanStore(base.db)) };
}
