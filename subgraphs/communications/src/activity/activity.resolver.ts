import { Arg, Authorized, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Resolver, Root } from "type-graphql";
import { BadUserInputError, Role } from "@vnge/shared";
import { Campaign } from "../campaign/campaign.type";
import type { CommunicationsContext } from "../context";
import { ActivityInput, RecordActivitiesInput } from "./activity.input";
import { Activity, ActivityImportSummary } from "./activity.type";

@ObjectType({ description: "What a resync of the communication aggregates pushed to the indicator engine." })
export class CommunicationIndicatorResync {
  @Field(() => Int)
  values!: number;

  @Field(() => Boolean)
  delivered!: boolean;
}

@Resolver(() => Activity)
export class ActivityResolver {
  @Authorized(Role.ADMIN, Role.DATA_ENTRY)
  @Mutation(() => Activity, { description: "Records one activity; any invalid field is a BAD_USER_INPUT error and nothing is written." })
  async recordActivity(@Arg("input", () => ActivityInput) input: ActivityInput, @Ctx() context: CommunicationsContext): Promise<Activity> {
    const result = await context.activityService.record([input]);
    if (result.conflicts.length > 0) {
      throw new BadUserInputError(result.conflicts.map((c) => c.message).join("; "), { field: result.conflicts[0].field, conflicts: result.conflicts });
    }
    return result.activities[0];
  }

  @Authorized(Role.ADMIN, Role.DATA_ENTRY)
  @Mutation(() => ActivityImportSummary, {
    description:
      "Records many activities in one call with a report per refused row. All or nothing unless allOrNothing is false; " +
      "a row outside the caller's areas makes the whole call FORBIDDEN.",
  })
  recordActivities(@Arg("input", () => RecordActivitiesInput) input: RecordActivitiesInput, @Ctx() context: CommunicationsContext) {
    return context.activityService.record(input.activities, { dryRun: input.dryRun ?? false, allOrNothing: input.allOrNothing ?? true });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CommunicationIndicatorResync, {
    description: "Recomputes every communication aggregate of a year from the stored activities and pushes it to the indicator engine.",
  })
  resyncCommunicationIndicators(@Arg("year", () => Int) year: number, @Ctx() context: CommunicationsContext) {
    if (!Number.isInteger(year) || year < 1900 || year > 2100)
      throw new BadUserInputError(`year must be between 1900 and 2100, got ${year}`, { field: "year" });
    return context.communicationFeed.resyncYear(year);
  }

  @FieldResolver(() => Campaign, { nullable: true })
  campaign(@Root() activity: Activity, @Ctx() context: CommunicationsContext) {
    return activity.campaignCode === null ? null : context.loaders.campaignByCode.load(activity.campaignCode);
  }
}
