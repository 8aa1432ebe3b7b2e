import type { ServiceContext } from "@vnge/shared";
import { createSupportFacilityLoaders, type SupportFacilityLoaders } from "./support-facility/support-facility.loader";
import { SupportFacilityStore } from "./support-facility/support-facility.store";

export interface CasesContext extends ServiceContext {
  loaders: SupportFacilityLoaders;
}

export function createContext(base: ServiceContext): CasesContext {
  return { ...base, loaders: createSupportFacilityLoaders(new SupportFacilityStore(base.db)) };
}
