import DataLoader from "dataloader";
import { rowByKeyLoader } from "@vnge/shared";
import type { CampaignStore } from "./campaign.store";
import type { Campaign } from "./campaign.type";

export interface CampaignLoaders {
  campaignByCode: DataLoader<string, Campaign | null>;
  campaignsByArea: DataLoader<string, Campaign[]>;
}

export function createCampaignLoaders(store: CampaignStore): CampaignLoaders {
  return {
    campaignByCode: rowByKeyLoader(
      (codes) => store.findByCodes(codes),
      (campaign) => campaign.code,
    ),
    // A campaign belongs to every area it names, so rows are matched against all of them.
    campaignsByArea: new DataLoader(async (areaCodes) => {
      const campaigns = await store.findByAreas(areaCodes);
      return areaCodes.map((code) => campaigns.filter((campaign) => campaign.areas.some((area) => area.code === code)));
    }),
  };
}
