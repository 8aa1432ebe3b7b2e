import type { ServiceContext } from "@vnge/shared";
import { type ActivityLoaders, createActivityLoaders } from "./activity/activity.loader";
import { ActivityService } from "./activity/activity.service";
import { ActivityStore } from "./activity/activity.store";
import { type CampaignLoaders, createCampaignLoaders } from "./campaign/campaign.loader";
import { CampaignService } from "./campaign/campaign.service";
import { CampaignStore } from "./campaign/campaign.store";
import { CommunicationFeed } from "./feed/communication-feed";
import { CommunicationStatisticsService } from "./statistics/communication-statistics.service";

export interface CommunicationsContext extends ServiceContext {
  campaignStore: CampaignStore;
  activityStore: ActivityStore;
  campaignService: CampaignService;
  activityService: ActivityService;
  statisticsService: CommunicationStatisticsService;
  communicationFeed: CommunicationFeed;
  loaders: CampaignLoaders & ActivityLoaders;
}

/** Everything per request: the loaders (and so the batching) never outlive one operation. */
export function createContext(base: ServiceContext): CommunicationsContext {
  const campaignStore = new CampaignStore(base.db);
  const activityStore = new ActivityStore(base.db);
  const { hierarchy } = base.areas;
  const communicationFeed = new CommunicationFeed(activityStore, base.indicatorFeed, base.logger, base.requestId);
  return {
    ...base,
    campaignStore,
    activityStore,
    communicationFeed,
    campaignService: new CampaignService({ store: campaignStore, hierarchy, scope: base.scope }),
    activityService: new ActivityService({
      store: activityStore,
      campaignStore,
      hierarchy,
      scope: base.scope,
      feed: communicationFeed,
      subject: base.identity.subject,
    }),
    statisticsService: new CommunicationStatisticsService({ store: activityStore, hierarchy, scope: base.scope }),
    loaders: { ...createCampaignLoaders(campaignStore), ...createActivityLoaders(activityStore) },
  };
}
