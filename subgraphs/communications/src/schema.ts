import { areaReferenceResolvers, buildFederatedSchema, codeIdResolver, memoize } from "@vnge/shared";
import { ActivityResolver } from "./activity/activity.resolver";
import { AreaActivitiesResolver } from "./area/area-activities.resolver";
import { AreaCampaignsResolver } from "./area/area-campaigns.resolver";
import { CampaignActivitiesResolver } from "./campaign/campaign-activities.resolver";
import { resolveCampaignReference } from "./campaign/campaign.reference";
import { CampaignResolver } from "./campaign/campaign.resolver";
import { Campaign } from "./campaign/campaign.type";

export const buildSchema = memoize(() =>
  buildFederatedSchema(
    {
      resolvers: [
        CampaignResolver,
        AreaCampaignsResolver,
        CampaignActivitiesResolver,
        ActivityResolver,
        AreaActivitiesResolver,
        codeIdResolver(Campaign, "campaign"),
      ],
    },
    { ...areaReferenceResolvers, Campaign: { __resolveReference: resolveCampaignReference } },
  ),
);
