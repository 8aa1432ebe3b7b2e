import type DataLoader from "dataloader";
import { rowByKeyLoader, rowsByKeyLoader } from "@vnge/shared";
import type { SupportFacilityStore } from "./support-facility.store";
import type { SupportFacility } from "./support-facility.type";

export interface SupportFacilityLoaders {
  facilityById: DataLoader<string, SupportFacility | null>;
  facilitiesByArea: DataLoader<string, SupportFacility[]>;
}

export function createSupportFacilityLoaders(store: SupportFacilityStore): SupportFacilityLoaders {
  return {
    facilityById: rowByKeyLoader(
      (ids) => store.findByIds(ids),
      (facility) => facility.id,
    ),
    facilitiesByArea: rowsByKeyLoader(
      (codes) => store.findByAreas(codes),
      (facility) => facility.area.code,
    ),
  };
}
