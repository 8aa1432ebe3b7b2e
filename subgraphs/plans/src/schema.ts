import { areaReferenceResolvers, buildFederatedSchema, memoize } from "@vnge/shared";
import { resolveAgencyReference } from "./agency/agency.reference";
import { AgencyIdResolver, AgencyResolver, TargetAgenciesResolver } from "./agency/agency.resolver";
import { AreaPlansResolver } from "./area/area-plans.resolver";
import { AreaTargetsResolver } from "./area/area-targets.resolver";
import { OffTrackResolver, resolveOffTrackReference } from "./off-track/off-track.resolver";
import { resolvePlanReference } from "./plan/plan.reference";
import { PlanChainResolver, TargetChainResolver } from "./plan/plan-chain.resolver";
import { ReportSubmissionResolver } from "./report-submission/report-submission.resolver";
import { PlanResolver } from "./plan/plan.resolver";
import { PlanTargetsResolver } from "./plan/plan-targets.resolver";
import { PlanWriteResolver } from "./plan/plan-write.resolver";
import { resolveTargetReference } from "./target/target.reference";
import { TargetResolver } from "./target/target.resolver";

export const buildSchema = memoize(() =>
  buildFederatedSchema(
    {
      resolvers: [
        PlanResolver,
        PlanTargetsResolver,
        PlanWriteResolver,
        AreaPlansResolver,
        AreaTargetsResolver,
        TargetResolver,
        OffTrackResolver,
        AgencyResolver,
        AgencyIdResolver,
        TargetAgenciesResolver,
        PlanChainResolver,
        TargetChainResolver,
        ReportSubmissionResolver,
      ],
    },
    {
      ...areaReferenceResolvers,
      Agency: { __resolveReference: resolveAgencyReference },
      Plan: { __resolveReference: resolvePlanReference },
      Target: { __resolveReference: resolveTargetReference },
      TargetsOffTrack: { __resolveReference: resolveOffTrackReference },
    },
  ),
);
