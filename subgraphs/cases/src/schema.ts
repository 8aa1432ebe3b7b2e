import { areaReferenceResolvers, buildFederatedSchema, memoize } from "@vnge/shared";
import { AreaCasesResolver } from "./area/area-cases.resolver";
import { AreaSupportFacilitiesResolver } from "./area/area-support-facilities.resolver";
import { CaseRecordResolver } from "./case-record/case-record.resolver";
import { resolveSupportFacilityReference } from "./support-facility/support-facility.reference";
import { SupportFacilityResolver } from "./support-facility/support-facility.resolver";

export const buildSchema = memoize(() =>
  buildFederatedSchema(
    { resolvers: [SupportFacilityResolver, AreaSupportFacilitiesResolver, CaseRecordResolver, AreaCasesResolver] },
    { ...areaReferenceResolvers, SupportFacility: { __resolveReference: resolveSupportFacilityReference } },
  ),
);
