import type DataLoader from "dataloader";
import { rowByKeyLoader, rowsByKeyLoader } from "@vnge/shared";
import type { PlanStore } from "./plan.store";
import type { Plan } from "./plan.type";

export interface PlanLoaders {
  planById: DataLoader<string, Plan | null>;
  plansByArea: DataLoader<string, Plan[]>;
  childrenByPlan: DataLoader<string, Plan[]>;
}

export function createPlanLoaders(store: PlanStore): PlanLoaders {
  return {
    planById: rowByKeyLoader(
      (ids) => store.findByIds(ids),
      (plan) => plan.id,
    ),
    plansByArea: rowsByKeyLoader(
      (codes) => store.findByAreas(codes),
      (plan) => plan.area.code,
    ),
    childrenByPlan: rowsByKeyLoader(
      (ids) => store.findChildren(ids),
      (plan) => plan.parentPlanId!,
    ),
  };
}
