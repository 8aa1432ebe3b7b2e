// Every indicator value a GraphQL request asks for (a rollup, Indicator.value, Area.indicatorValues,
// in any mix) is computed in one batch: a few SQL statements whatever the number of values.
import DataLoader from "dataloader";
import type { IndicatorValue } from "./indicator-value.type";

export interface IndicatorValueKey {
  indicatorCode: string;
  areaCode: string;
  /** The version the area code belongs to (the value is expressed on that version's areas). */
  hierarchy: string;
  period: string;
}

export type IndicatorValueLoader = DataLoader<IndicatorValueKey, IndicatorValue>;

export const valueKeyString = (key: IndicatorValueKey) => `${key.indicatorCode}\u0000${key.hierarchy}\u0000${key.areaCode}\u0000${key.period}`;

export function createIndicatorValueLoader(compute: (keys: readonly IndicatorValueKey[]) => Promise<(IndicatorValue | Error)[]>): IndicatorValueLoader {
  return new DataLoader(compute, { cacheKeyFn: valueKeyString });
}
