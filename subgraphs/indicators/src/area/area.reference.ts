import type { IndicatorsContext } from "../context";
import type { Area } from "./area.type";

export function resolveArea(reference: Pick<Area, "code">, context: IndicatorsContext) {
  return context.loaders.area.byCode.load(reference.code);
}
