// Per-request batching: every area looked up in one request is fetched with one query.
import type DataLoader from "dataloader";
import { type AreaRecord, rowByKeyLoader, rowsByKeyLoader } from "@vnge/shared";
import type { AreaStore } from "./area.store";

export interface AreaLoaders {
  byCode: DataLoader<string, AreaRecord | null>;
  childrenOf: DataLoader<string, AreaRecord[]>;
}

export function createAreaLoaders(store: AreaStore): AreaLoaders {
  return {
    byCode: rowByKeyLoader((codes) => store.findByCodes(codes), (area) => area.code),
    childrenOf: rowsByKeyLoader((codes) => store.findChildrenOf(codes), (area) => area.parentCode ?? ""),
  };
}
