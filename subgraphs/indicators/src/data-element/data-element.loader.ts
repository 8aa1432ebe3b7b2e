import type DataLoader from "dataloader";
import { type DataElementRecord, rowByKeyLoader } from "@vnge/shared";
import type { DataElementStore } from "./data-element.store";

export interface DataElementLoaders {
  byCode: DataLoader<string, DataElementRecord | null>;
}

export function createDataElementLoaders(store: DataElementStore): DataElementLoaders {
  return {
    byCode: rowByKeyLoader(
      (codes) => store.findByCodes(codes),
      (element) => element.code,
    ),
  };
}
