import type { PlansContext } from "../context";
import type { Plan } from "./plan.type";

export function resolvePlanReference(reference: Pick<Plan, "id">, context: PlansContext) {
  return context.loaders.planById.load(reference.id);
}
