import type DataLoader from "dataloader";
import { rowByKeyLoader, rowsByKeyLoader } from "@vnge/shared";
import type { DeadlineStore } from "../deadline/deadline.store";
import type { ReportingDeadline } from "../deadline/deadline.type";
import { type TargetStore, toTarget } from "./target.store";
import type { Target } from "./target.type";

export interface TargetLoaders {
  targetById: DataLoader<string, Target | null>;
  targetsByPlan: DataLoader<string, Target[]>;
  deadlinesByPlan: DataLoader<string, ReportingDeadline[]>;
}

export function createTargetLoaders(store: TargetStore, deadlines: DeadlineStore): TargetLoaders {
  return {
    targetById: rowByKeyLoader(
      async (ids) => (await store.findByIds(ids)).map((record) => toTarget(record)),
      (target) => target.id,
    ),
    targetsByPlan: rowsByKeyLoader(
      async (ids) => (await store.findByPlans(ids)).map((record) => toTarget(record)),
      (target) => target.planId,
    ),
    deadlinesByPlan: rowsByKeyLoader(
      (ids) => deadlines.findByPlans(ids),
      (deadline) => deadline.planId,
    ),
  };
}
