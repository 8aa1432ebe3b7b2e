import { registerEnumType } from "type-graphql";
import { BetterDirection, IndicatorUnit } from "@vnge/shared";

export { BetterDirection, IndicatorUnit };

registerEnumType(IndicatorUnit, {
  name: "IndicatorUnit",
  description: "How a value reads: PERCENT (x100), PER_100000, BOYS_PER_100_GIRLS, TIMES (a plain ratio) or COUNT (a sum).",
});

registerEnumType(BetterDirection, { name: "BetterDirection", description: "Whether a higher or a lower value is progress." });
