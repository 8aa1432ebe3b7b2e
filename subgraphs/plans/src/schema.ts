import { areaReferenceResolvers, buildFederatedSchema, memoize } from "@vnge/shared";
import { AreaPlansResolver } from "./area/area-plans.resolver";
import { AreaTargetsResolver } from "./area/area-targets.resolver";
import { OffTrackResolver, resolveOffTrackReference } from "./off-track/off-track.resolver";
import { resolvePlanReference } from "./plan/plan.reference";
import { PlanResolver } from "./plan/plan.resolver";
import { PlanTargetsResolver } from "./plan/plan-targets.resolver";
import { PlanWriteResolver } from "./plan/plan-write.resolver";
import { resolveTargetReference } from "./target/target.reference";
import { TargetResolver } from "./target/target.resolver";

export const buildSchema = memoize(() =>
  buildFederatedSchema(
    {
      resolvers: [PlanResolver, PlanTargetsResolver, PlanWriteResolver, AreaPlansResolver, AreaTargetsResolver, TargetResolver, OffTrackResolver],
    },
    {
      ...areaReferenceResolvers,
      Plan: { __resolveReference: resolvePlanReference },
      Target: { __resolveReference: resolveTargetReference },
      TargetsOffTrack: { __resolveReference: resolveOffTrackReference },
    },
  ),
);
