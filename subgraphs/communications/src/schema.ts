import { areaReferenceResolvers, buildFederatedSchema, memoize } from "@vnge/shared";
import { AreaCampaignsResolver } from "./area/area-campaigns.resolver";
import { resolveCampaignReference } from "./campaign/campaign.reference";
import { CampaignResolver } from "./campaign/campaign.resolver";

export const buildSchema = memoize(() =>
  buildFederatedSchema(
    { resolvers: [CampaignResolver, AreaCampaignsResolver] },
    { ...areaReferenceResolvers, Campaign: { __resolveReference: resolveCampaignReference } },
  ),
);
