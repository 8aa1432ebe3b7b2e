import type { Database, RequestInfo, ServiceContext } from "@vnge/shared";
import { createSupportFacilityLoaders, type SupportFacilityLoaders } from "./support-facility/support-facility.loader";
import { SupportFacilityStore } from "./support-facility/support-facility.store";

export interface CasesContext extends ServiceContext {
  loaders: SupportFacilityLoaders;
}

export function createContext(db: Database, request: RequestInfo): CasesContext {
  return {
    requestId: request.requestId,
    logger: request.logger,
    db,
    loaders: createSupportFacilityLoaders(new SupportFacilityStore(db)),
  };
}
