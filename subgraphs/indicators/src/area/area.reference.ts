import type { IndicatorsContext } from "../context";
import { areaKey } from "./area.store";

/** A reference names its version; one without (none in this supergraph) means the version in force today. */
export async function resolveArea(reference: { code: string; hierarchy?: string | null }, context: IndicatorsContext) {
  const hierarchy = reference.hierarchy ?? (await context.areas.timeline()).current().code;
  return context.loaders.area.byKey.load(areaKey(hierarchy, reference.code));
}
