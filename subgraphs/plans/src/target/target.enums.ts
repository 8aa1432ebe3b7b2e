import { registerEnumType } from "type-graphql";
import { ProgressStatus, TargetComparison } from "./progress";

export { ProgressStatus, TargetComparison };

/** Same values as the indicators subgraph's Sex enum (composition merges the two). */
export const Sex = { MALE: "MALE", FEMALE: "FEMALE" } as const;
export type Sex = (typeof Sex)[keyof typeof Sex];

/** Same values as the indicators subgraph's AreaLevel enum. */
export const AreaLevel = { NATION: "NATION", PROVINCE: "PROVINCE", DISTRICT: "DISTRICT", COMMUNE: "COMMUNE" } as const;
export type AreaLevel = (typeof AreaLevel)[keyof typeof AreaLevel];

registerEnumType(TargetComparison, {
  name: "TargetComparison",
  description: "AT_LEAST / AT_MOST the target value, MAINTAIN (keep the value at or above it) or EXACT (within 1% of it).",
});
registerEnumType(ProgressStatus, {
  name: "ProgressStatus",
  description: "ACHIEVED, ON_TRACK (a multi-year target ahead of its path), AT_RISK (short by at most 10%), OFF_TRACK, or NO_DATA.",
});
registerEnumType(Sex, { name: "Sex", description: "Sex of a value, or of the values an indicator term counts." });
registerEnumType(AreaLevel, { name: "AreaLevel" });
