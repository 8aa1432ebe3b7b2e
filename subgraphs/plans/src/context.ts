import type { Database, RequestInfo, ServiceContext } from "@vnge/shared";
import { createPlanLoaders, type PlanLoaders } from "./plan/plan.loader";
import { PlanStore } from "./plan/plan.store";

export interface PlansContext extends ServiceContext {
  loaders: PlanLoaders;
}

export function createContext(db: Database, request: RequestInfo): PlansContext {
  return {
    requestId: request.requestId,
    logger: request.logger,
    db,
    loaders: createPlanLoaders(new PlanStore(db)),
  };
}
