// The indicator codes targets may name: the catalogue tables, read through a narrow read of the indicators
// schema (docs/decisions/0087). Reading a target only needs each indicator's factor, unit, sex split and owner.
import type { Database } from "@vnge/shared";
import { type IndicatorReference, readIndicatorReferences } from "./indicator-reference.store";

/** The fields of a catalogue file (owned by the indicators subgraph, decision 0087) that targets read. */
export interface CatalogueDefinitions {
  dataElements: readonly { code: string; disaggregatedBySex: boolean }[];
  indicators: readonly {
    code: string;
    factor: number;
    unit: string;
    owner?: string;
    numerator: { element: string; sex?: string };
    denominator?: { element: string; sex?: string };
  }[];
}

export type CatalogueIndicator = IndicatorReference;
export type IndicatorCatalogue = ReadonlyMap<string, CatalogueIndicator>;

/** The active indicators of the database's catalogue, read once per call. */
export function readCatalogue(db: Database): Promise<IndicatorCatalogue> {
  return readIndicatorReferences(db);
}

/** The same facts computed from a catalogue's definitions (a file, before it is loaded). */
export function catalogueOf(definitions: CatalogueDefinitions): IndicatorCatalogue {
  const elements = new Map(definitions.dataElements.map((element) => [element.code, element]));
  return new Map(
    definitions.indicators.map((indicator) => {
      const split =
        elements.get(indicator.numerator.element)?.disaggregatedBySex === true &&
        !indicator.numerator.sex &&
        (!indicator.denominator || (elements.get(indicator.denominator.element)?.disaggregatedBySex === true && !indicator.denominator.sex));
      return [indicator.code, { code: indicator.code, factor: indicator.factor, unit: indicator.unit, splitBySex: split, owner: indicator.owner ?? "VN" }];
    }),
  );
}
