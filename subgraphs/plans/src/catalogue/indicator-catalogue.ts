// The indicator codes targets may name: the catalogue shipped with the system (data only, no I/O).
// The plans subgraph never reads the indicators schema; see docs/decisions/0020-target-indicator-codes.md.
import { DEFAULT_CATALOGUE } from "@vnge/shared";

export interface CatalogueIndicator {
  code: string;
  /** Multiplier of the indicator's ratio: 100 for a percentage or per 100 girls, 100000 per 100,000. */
  factor: number;
  /** Whether the indicator has male and female values (a sex-specific target needs them). */
  splitBySex: boolean;
}

export type IndicatorCatalogue = ReadonlyMap<string, CatalogueIndicator>;

function build(): IndicatorCatalogue {
  const elements = new Map(DEFAULT_CATALOGUE.dataElements.map((element) => [element.code, element]));
  return new Map(
    DEFAULT_CATALOGUE.indicators.map((indicator) => {
      const split =
        elements.get(indicator.numerator.element)?.disaggregatedBySex === true &&
        !indicator.numerator.sex &&
        (!indicator.denominator || (elements.get(indicator.denominator.element)?.disaggregatedBySex === true && !indicator.denominator.sex));
      return [indicator.code, { code: indicator.code, factor: indicator.factor, splitBySex: split }];
    }),
  );
}

let shipped: IndicatorCatalogue | undefined;
export function shippedCatalogue(): IndicatorCatalogue {
  return (shipped ??= build());
}
