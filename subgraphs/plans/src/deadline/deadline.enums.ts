import { ReportKind } from "@vnge/shared";
import { registerEnumType } from "type-graphql";

export const ReportingLevel = { COMMUNE: "COMMUNE", DISTRICT: "DISTRICT", PROVINCE: "PROVINCE", MINISTRY: "MINISTRY" } as const;
export type ReportingLevel = (typeof ReportingLevel)[keyof typeof ReportingLevel];

registerEnumType(ReportingLevel, { name: "ReportingLevel", description: "Who sends or receives a report; MINISTRY is the Ministry of Labour." });

export { ReportKind };
registerEnumType(ReportKind, { name: "ReportKind", description: "SIX_MONTH, YEARLY, MID_TERM_REVIEW (2025), FINAL_REVIEW (2030) or OTHER." });
