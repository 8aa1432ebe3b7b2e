import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { BadUserInputError } from "@vnge/shared";
import type { CommunicationsContext } from "../context";
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
}
