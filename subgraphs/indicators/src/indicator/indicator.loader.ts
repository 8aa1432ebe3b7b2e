import type DataLoader from "dataloader";
import { type IndicatorRecord, rowByKeyLoader } from "@vnge/shared";
import type { IndicatorStore } from "./indicator.store";

export interface IndicatorLoaders {
  byCode: DataLoader<string, IndicatorRecord | null>;
}

export function createIndicatorLoaders(store: IndicatorStore): IndicatorLoaders {
  return {
    byCode: rowByKeyLoader(
      (codes) => store.findByCodes(codes),
      (indicator) => indicator.code,
    ),
  };
}
