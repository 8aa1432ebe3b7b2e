import { areaReferenceResolvers, buildFederatedSchema, memoize } from "@vnge/shared";
import { AreaSupportFacilitiesResolver } from "./area/area-support-facilities.resolver";
import { resolveSupportFacilityReference } from "./support-facility/support-facility.reference";
import { SupportFacilityResolver } from "./support-facility/support-facility.resolver";

export const buildSchema = memoize(() =>
  buildFederatedSchema(
    { resolvers: [SupportFacilityResolver, AreaSupportFacilitiesResolver] },
    { ...areaReferenceResolvers, SupportFacility: { __resolveReference: resolveSupportFacilityReference } },
  ),
);
