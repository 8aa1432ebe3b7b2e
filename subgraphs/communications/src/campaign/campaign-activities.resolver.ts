import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Activity } from "../activity/activity.type";
import type { CommunicationsContext } from "../context";
import { Campaign } from "./campaign.type";

@Resolver(() => Campaign)
export class CampaignActivitiesResolver {
  @FieldResolver(() => [Activity], { description: "The campaign's activities, by date." })
  activities(@Root() campaign: Campaign, @Ctx() context: CommunicationsContext) {
    return context.loaders.activitiesByCampaign.load(campaign.code);
  }
}
