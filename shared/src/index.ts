export * from "./config";
export * from "./subgraphs";
export * from "./logger";
export * from "./errors";
export * from "./pagination";
export * from "./subgraph";
export * from "./database/client";
export * from "./database/migrate";
export * from "./areas/levels";
export * from "./areas/unit-list";
export * from "./areas/import";
export * from "./federation/build-federated-schema";
export * from "./http/request-id";
export * from "./http/service-server";
export { PayloadTooLargeError, headerMapOf, isJsonContentType, listen, readBody } from "./http/plumbing";
export {
  AgeGroup,
  AreaLevel,
  BetterDirection,
  CaseAccessAction,
  CaseSex,
  CaseStatus,
  DataValueSex,
  DataValueStatus,
  IndicatorUnit,
  PlanStatus,
  PlanType,
  Sex,
  SupportFacilityKind,
  SupportService,
  ValueType,
  ViolenceForm,
  ViolenceSetting,
} from "./generated/prisma/enums";
export type {
  DataElement as DataElementRecord,
  Indicator as IndicatorRecord,
  DataValue as DataValueRecord,
} from "./generated/prisma/client";
export type { Area as AreaRecord, Plan as PlanRecord, SupportFacility as SupportFacilityRecord, Campaign as CampaignRecord } from "./generated/prisma/client";
export * from "./federation/area-reference";
export * from "./federation/entity-id";
export * from "./loaders";
export * from "./auth";
export { createServerDatabase, withDatabaseName } from "./testing/test-database";
export * from "./feeds/indicator-feed";
export * from "./areas/area-hierarchy";
export * from "./areas/hierarchy-timeline";
export * from "./areas/reform";
export * from "./areas/crosswalk";
export * from "./areas/hierarchy-import";
export * from "./areas/succession";
export * from "./periods/period";
export * from "./periods/period-months";
export * from "./disclosure";
export { ActivityChannel, ActivityKind, MaterialType, TargetGroup } from "./generated/prisma/enums";
export * from "./catalogue/default-catalogue";
export * from "./catalogue/indicator-reference";
