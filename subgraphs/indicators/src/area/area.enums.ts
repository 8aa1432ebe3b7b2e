import { registerEnumType } from "type-graphql";
import { AreaLevel } from "@vnge/shared";

export { AreaLevel };

registerEnumType(AreaLevel, {
  name: "AreaLevel",
  description: "Level in the administrative hierarchy: nation > province > district > commune.",
});
