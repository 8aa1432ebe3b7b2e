import type { PlansContext } from "../context";
import { parseTargetAssessmentId } from "./target-id";
import type { ActualValue, Target } from "./target.type";

/** A target by id, assessed at the year the id names (the router also hands over `actual` for progress). */
export async function resolveTargetReference(reference: { id: string; actual?: ActualValue | null }, context: PlansContext): Promise<Target | null> {
  const { targetId, assessedPeriod } = parseTargetAssessmentId(reference.id);
  const target = await context.loaders.targetById.load(targetId);
  if (!target) return null;
  return { ...target, assessedPeriod: assessedPeriod ?? target.period, actual: reference.actual ?? null };
}
