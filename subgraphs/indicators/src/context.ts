import type { ServiceContext } from "@vnge/shared";
import { createAreaLoaders, type AreaLoaders } from "./area/area.loader";
import { AreaStore } from "./area/area.store";

export interface IndicatorsContext extends ServiceContext {
  areaStore: AreaStore;
  loaders: { area: AreaLoaders };
}

export function createContext(base: ServiceContext): IndicatorsContext {
  const areaStore = new AreaStore(base.db);
  return { ...base, areaStore, loaders: { area: createAreaLoaders(areaStore) } };
}
