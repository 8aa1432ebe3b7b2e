// The generated client's enums and row types. There is one Prisma schema with a PostgreSQL schema per
// subgraph (docs/decisions/0002), so the client is generated once, here; each group below is the vocabulary
// of the subgraph that owns those tables, re-exported as part of database access.

// indicators: areas, the catalogue, data values
export { AreaLevel, BetterDirection, DataValueSex, DataValueStatus, IndicatorUnit, Sex, ValueType } from "../generated/prisma/enums";
export type {
  Area as AreaRecord,
  DataElement as DataElementRecord,
  DataValue as DataValueRecord,
  Indicator as IndicatorRecord,
} from "../generated/prisma/client";

// plans
export { AgencyKind, AgencyRole, PlanStatus, PlanType, ReportKind } from "../generated/prisma/enums";
export type { Agency as AgencyRecord, Plan as PlanRecord } from "../generated/prisma/client";

// cases
export {
  AgeGroup,
  CaseAccessAction,
  CaseSex,
  CaseStatus,
  SupportFacilityKind,
  SupportService,
  ViolenceForm,
  ViolenceSetting,
} from "../generated/prisma/enums";
export type { SupportFacility as SupportFacilityRecord } from "../generated/prisma/client";

// communications
export { ActivityChannel, ActivityKind, MaterialType, TargetGroup } from "../generated/prisma/enums";
export type { Campaign as CampaignRecord } from "../generated/prisma/client";
