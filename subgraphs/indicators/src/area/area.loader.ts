// Per-request batching: every area looked up in one request is fetched with one query per version.
import type DataLoader from "dataloader";
import { type AreaRecord, rowByKeyLoader, rowsByKeyLoader } from "@vnge/shared";
import { type AreaMappingRow, type AreaStore, areaKey } from "./area.store";

export interface AreaLoaders {
  /** By areaKey(hierarchy, code). */
  byKey: DataLoader<string, AreaRecord | null>;
  /** By the parent's areaKey. */
  childrenOf: DataLoader<string, AreaRecord[]>;
  /** Mapping edges out of an area (to the next version), by areaKey. */
  successors: DataLoader<string, AreaMappingRow[]>;
  /** Mapping edges into an area (from the previous version), by areaKey. */
  predecessors: DataLoader<string, AreaMappingRow[]>;
}

export const recordKey = (area: AreaRecord) => areaKey(area.hierarchyCode, area.code);

export function createAreaLoaders(store: AreaStore): AreaLoaders {
  return {
    byKey: rowByKeyLoader((keys) => store.findByKeys(keys), recordKey),
    childrenOf: rowsByKeyLoader(
      (keys) => store.findChildrenOf(keys),
      (area) => areaKey(area.hierarchyCode, area.parentCode ?? ""),
    ),
    successors: rowsByKeyLoader(
      (keys) => store.mappings(keys, "from"),
      (row) => areaKey(row.fromHierarchy, row.fromCode),
    ),
    predecessors: rowsByKeyLoader(
      (keys) => store.mappings(keys, "to"),
      (row) => areaKey(row.toHierarchy, row.toCode),
    ),
  };
}
