import type DataLoader from "dataloader";
import { rowByKeyLoader, rowsByKeyLoader } from "@vnge/shared";
import { type AgencyStore, type Responsibility, toAgency } from "./agency.store";
import type { Agency } from "./agency.type";

export interface AgencyLoaders {
  agencyByCode: DataLoader<string, Agency | null>;
  /** Who is responsible for each target, lead first. */
  responsibilitiesByTarget: DataLoader<string, Responsibility[]>;
  /** The targets each agency leads or supports. */
  responsibilitiesByAgency: DataLoader<string, Responsibility[]>;
}

export function createAgencyLoaders(store: AgencyStore): AgencyLoaders {
  return {
    agencyByCode: rowByKeyLoader(
      async (codes) => (await store.findByCodes(codes)).map(toAgency),
      (agency) => agency.code,
    ),
    responsibilitiesByTarget: rowsByKeyLoader(
      (ids) => store.responsibilities(ids),
      (row) => row.targetId,
    ),
    responsibilitiesByAgency: rowsByKeyLoader(
      (codes) => store.targetsOf(codes),
      (row) => row.agencyCode,
    ),
  };
}
