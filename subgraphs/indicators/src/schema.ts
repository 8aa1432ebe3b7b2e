import { buildFederatedSchema, codeIdResolver, memoize } from "@vnge/shared";
import { AreaIndicatorValuesResolver } from "./area/area-indicator-values.resolver";
import { resolveArea } from "./area/area.reference";
import { AreaResolver } from "./area/area.resolver";
import { Hierarchy } from "./area/area.type";
import { CatalogueResolver } from "./catalogue/catalogue.resolver";
import { DataApprovalResolver } from "./data-approval/data-approval.resolver";
import { DataSet } from "./data-approval/data-approval.type";
import { DataElement } from "./data-element/data-element.type";
import { Indicator } from "./indicator/indicator.type";
import { DataElementResolver } from "./data-element/data-element.resolver";
import { ReportingAgencyResolver } from "./reporting-agency/reporting-agency.resolver";
import { DataValueResolver } from "./data-value/data-value.resolver";
import { ReportingStatusResolver } from "./reporting/reporting-status.resolver";
import { resolveIndicator } from "./indicator/indicator.reference";
import { IndicatorResolver } from "./indicator/indicator.resolver";
import { IndicatorValueResolver } from "./indicator-value/indicator-value.resolver";
import { OffTrackActualsResolver, TargetActualResolver, resolveOffTrackCandidates, resolveTargetValueKey } from "./target/target.resolver";
import { OffTrackCandidates } from "./target/off-track.type";
import { TargetValueKey } from "./target/target.type";

export const buildSchema = memoize(() =>
  buildFederatedSchema(
    {
      resolvers: [
        AreaResolver,
        AreaIndicatorValuesResolver,
        DataElementResolver,
        ReportingAgencyResolver,
        CatalogueResolver,
        IndicatorResolver,
        IndicatorValueResolver,
        DataValueResolver,
        DataApprovalResolver,
        ReportingStatusResolver,
        TargetActualResolver,
        OffTrackActualsResolver,
        codeIdResolver(Indicator, "indicator"),
        codeIdResolver(DataElement, "data element"),
        codeIdResolver(DataSet, "data set"),
        codeIdResolver(Hierarchy, "hierarchy version"),
      ],
      orphanedTypes: [TargetValueKey, OffTrackCandidates],
    },
    {
      Area: { __resolveReference: resolveArea },
      Indicator: { __resolveReference: resolveIndicator },
      Target: { __resolveReference: resolveTargetValueKey },
      TargetsOffTrack: { __resolveReference: resolveOffTrackCandidates },
    },
  ),
);
