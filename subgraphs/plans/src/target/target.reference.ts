import type { PlansContext } from "../context";
import type { ActualValue, Target } from "./target.type";

/** A target by id, assessed at the period of the reference (the gateway also hands over `actual` for progress). */
export async function resolveTargetReference(
  reference: Pick<Target, "id" | "assessedPeriod"> & { actual?: ActualValue | null },
  context: PlansContext,
): Promise<Target | null> {
  const target = await context.loaders.targetById.load(reference.id);
  if (!target) return null;
  return { ...target, assessedPeriod: reference.assessedPeriod ?? target.period, actual: reference.actual ?? null };
}
