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
  description:
    "ACHIEVED, ON_TRACK (a multi-year target ahead of its path), AT_RISK (short by at most 10%), OFF_TRACK, NO_DATA, or NOT_COMPARABLE " +
    "(the target's area was merged into a larger one by a reform and its figures are not kept apart: see TargetProgress.acrossReform).",
});

/** Same values as the indicators subgraph's AreaMappingKind enum. */
export const AreaMappingKind = { FULL: "FULL", PARTIAL: "PARTIAL" } as const;
export type AreaMappingKind = (typeof AreaMappingKind)[keyof typeof AreaMappingKind];
registerEnumType(AreaMappingKind, {
  name: "AreaMappingKind",
  description: "FULL: the whole old unit went into the new one. PARTIAL: only part of it did (the old unit was split).",
});
registerEnumType(Sex, { name: "Sex", description: "Sex of a value, or of the values an indicator term counts." });
registerEnumType(AreaLevel, { name: "AreaLevel" });
