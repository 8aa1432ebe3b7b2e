import type { ServiceContext } from "@vnge/shared";
import { type CampaignLoaders, createCampaignLoaders } from "./campaign/campaign.loader";
import { CampaignStore } from "./campaign/campaign.store";

export interface CommunicationsContext extends ServiceContext {
  campaignStore: CampaignStore;
  loaders: CampaignLoaders;
}

export function createContext(base: ServiceContext): CommunicationsContext {
  const campaignStore = new CampaignStore(base.db);
  return { ...base, campaignStore, loaders: createCampaignLoaders(campaignStore) };
}
