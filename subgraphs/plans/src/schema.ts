import { areaReferenceResolvers, buildFederatedSchema, memoize } from "@vnge/shared";
import { AreaPlansResolver } from "./area/area-plans.resolver";
import { resolvePlanReference } from "./plan/plan.reference";
import { PlanResolver } from "./plan/plan.resolver";

export const buildSchema = memoize(() =>
  buildFederatedSchema(
    { resolvers: [PlanResolver, AreaPlansResolver] },
    { ...areaReferenceResolvers, Plan: { __resolveReference: resolvePlanReference } },
  ),
);
