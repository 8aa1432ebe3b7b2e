import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { BadUserInputError, Role } from "@vnge/shared";
import type { CommunicationsContext } from "../context";
import { CreateCampaignInput } from "./campaign.input";
import { Campaign } from "./campaign.type";

@Resolver(() => Campaign)
export class CampaignResolver {
  @Query(() => Campaign, { nullable: true })
  campaign(@Arg("code", () => ID) code: string, @Ctx() context: CommunicationsContext) {
    return context.loaders.campaignByCode.load(code);
  }

  @Query(() => [Campaign], { description: "Campaigns running at any time during a year." })
  campaigns(@Arg("year", () => Int) year: number, @Ctx() context: CommunicationsContext) {
    if (year < 1900 || year > 2100) throw new BadUserInputError(`year must be between 1900 and 2100, got ${year}`, { field: "year" });
    return context.campaignStore.findInYear(year);
  }

  @Authorized(Role.ADMIN, Role.DATA_ENTRY)
  @Mutation(() => Campaign, { description: "Creates a campaign; the organising and participating areas must be within the caller's areas." })
  createCampaign(@Arg("input", () => CreateCampaignInput) input: CreateCampaignInput, @Ctx() context: CommunicationsContext) {
    return context.campaignService.create(input);
  }
}
