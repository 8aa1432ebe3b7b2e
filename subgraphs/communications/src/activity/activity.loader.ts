import type DataLoader from "dataloader";
import { rowsByKeyLoader } from "@vnge/shared";
import type { ActivityStore } from "./activity.store";
import type { Activity } from "./activity.type";

export interface ActivityLoaders {
  activitiesByCampaign: DataLoader<string, Activity[]>;
}

export function createActivityLoaders(store: ActivityStore): ActivityLoaders {
  return {
    activitiesByCampaign: rowsByKeyLoader(
      (codes) => store.findByCampaignCodes(codes),
      (activity) => activity.campaignCode ?? "",
    ),
  };
}
