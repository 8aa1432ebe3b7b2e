import type { Database, RequestInfo, ServiceContext } from "@vnge/shared";
import { createAreaLoaders, type AreaLoaders } from "./area/area.loader";
import { AreaStore } from "./area/area.store";

export interface IndicatorsContext extends ServiceContext {
  areaStore: AreaStore;
  loaders: { area: AreaLoaders };
}

export function createContext(db: Database, request: RequestInfo): IndicatorsContext {
  const areaStore = new AreaStore(db);
  return {
    requestId: request.requestId,
    logger: request.logger,
    db,
    areaStore,
    loaders: { area: createAreaLoaders(areaStore) },
  };
}
