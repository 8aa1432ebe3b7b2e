import { registerEnumType } from "type-graphql";
import { ActivityChannel, ActivityKind, MaterialType, TargetGroup } from "@vnge/shared";

export { ActivityChannel, ActivityKind, MaterialType, TargetGroup };

registerEnumType(ActivityKind, {
  name: "ActivityKind",
  description: "BROADCAST: a programme on a loudspeaker system, radio or television; TALK: a talk or forum; the others as named.",
});
registerEnumType(ActivityChannel, { name: "ActivityChannel", description: "How an activity reached people." });
registerEnumType(TargetGroup, { name: "TargetGroup", description: "Whom an activity was meant for." });
registerEnumType(MaterialType, { name: "MaterialType", description: "Kinds of material an activity produced." });
