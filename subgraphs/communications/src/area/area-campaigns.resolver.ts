import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Area } from "./area.type";
import { Campaign } from "../campaign/campaign.type";
import type { CommunicationsContext } from "../context";

@Resolver(() => Area)
export class AreaCampaignsResolver {
  @FieldResolver(() => [Campaign], { description: "Campaigns this area organises or takes part in, latest first." })
  campaigns(@Root() area: Area, @Ctx() context: CommunicationsContext) {
    return context.loaders.campaignsByArea.load(area.code);
  }
}
