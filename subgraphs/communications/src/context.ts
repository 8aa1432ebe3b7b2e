import type { Database, RequestInfo, ServiceContext } from "@vnge/shared";
import { type CampaignLoaders, createCampaignLoaders } from "./campaign/campaign.loader";
import { CampaignStore } from "./campaign/campaign.store";

export interface CommunicationsContext extends ServiceContext {
  campaignStore: CampaignStore;
  loaders: CampaignLoaders;
}

export function createContext(db: Database, request: RequestInfo): CommunicationsContext {
  const campaignStore = new CampaignStore(db);
  return {
    requestId: request.requestId,
    logger: request.logger,
    db,
    campaignStore,
    loaders: createCampaignLoaders(campaignStore),
  };
}
