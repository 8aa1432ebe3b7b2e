import { registerEnumType } from "type-graphql";
import { AgeGroup, CaseSex, CaseStatus, SupportService, ViolenceForm, ViolenceSetting } from "@vnge/shared";

export { AgeGroup, CaseSex, CaseStatus, SupportService, ViolenceForm, ViolenceSetting };

registerEnumType(ViolenceForm, {
  name: "ViolenceForm",
  description: "The main form of violence of a case; TRAFFICKING marks a returned victim of human trafficking.",
});
registerEnumType(ViolenceSetting, { name: "ViolenceSetting", description: "Where the violence took place." });
registerEnumType(AgeGroup, { name: "AgeGroup", description: "Victim's age group at detection (UNDER_16: a child under the Law on Children)." });
// Same name and values as the indicators subgraph's Sex, so the supergraph has one Sex enum.
registerEnumType(CaseSex, { name: "Sex", description: "Sex of a value, or of the values an indicator term counts." });
registerEnumType(SupportService, {
  name: "SupportService",
  description: 'Basic support services; SHELTER: "địa chỉ tin cậy - nhà tạm lánh" (trusted address or shelter).',
});
registerEnumType(CaseStatus, { name: "CaseStatus", description: "OPEN: being handled; REFERRED: handed to another agency (e.g. police); CLOSED." });

export enum IndicatorFeedStatus {
  PUSHED = "PUSHED",
  PENDING = "PENDING",
}

registerEnumType(IndicatorFeedStatus, {
  name: "IndicatorFeedStatus",
  description: "PUSHED: the indicator engine already counts the write; PENDING: it will once the feed is retried (cases:resync).",
});
