import { registerEnumType } from "type-graphql";
import { PlanStatus, PlanType } from "@vnge/shared";

export { PlanStatus, PlanType };

registerEnumType(PlanType, { name: "PlanType", description: "Yearly plan, five-year plan or strategy period." });
registerEnumType(PlanStatus, { name: "PlanStatus" });
