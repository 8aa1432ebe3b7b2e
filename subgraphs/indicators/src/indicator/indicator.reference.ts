import type { IndicatorsContext } from "../context";
import type { Indicator } from "./indicator.type";

export function resolveIndicator(reference: Pick<Indicator, "code">, context: IndicatorsContext) {
  return context.loaders.indicator.byCode.load(reference.code);
}
