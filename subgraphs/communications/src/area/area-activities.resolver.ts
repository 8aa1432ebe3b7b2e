import { Arg, Ctx, FieldResolver, ID, Int, Resolver, Root } from "type-graphql";
import { BadUserInputError, periodMonths, periodMonthsProblem } from "@vnge/shared";
import { ActivityKind } from "../activity/activity.enums";
import { Activity } from "../activity/activity.type";
import type { CommunicationsContext } from "../context";
import { CommunicationStatistics, CommuneBroadcasts } from "../statistics/communication-statistics.type";
import { Area } from "./area.type";

const MAX_ACTIVITIES = 1_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Resolver(() => Area)
export class AreaActivitiesResolver {
  @FieldResolver(() => [Activity], {
    description: "Activities held in this area or beneath it, by date: pages of `limit` (at most 1,000) after the activity `after`; a short page is the last.",
  })
  activities(
    @Root() area: Area,
    @Arg("period", () => String, { nullable: true, description: '"2023", "2023Q4" or "202311": activities starting in it. All when omitted.' })
    period: string | null | undefined,
    @Arg("kind", () => ActivityKind, { nullable: true }) kind: ActivityKind | null | undefined,
    @Arg("limit", () => Int, { defaultValue: 200 }) limit: number,
    @Arg("after", () => ID, { nullable: true, description: "Activities after this one: the id of the last activity of the previous page." })
    after: string | null | undefined,
    @Ctx() context: CommunicationsContext,
  ) {
    if (period != null && periodMonthsProblem(period)) throw new BadUserInputError(periodMonthsProblem(period)!, { field: "period" });
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_ACTIVITIES) {
      throw new BadUserInputError(`limit must be between 1 and ${MAX_ACTIVITIES}, got ${limit}`, { field: "limit" });
    }
    if (after != null && !UUID.test(after)) throw new BadUserInputError(`after must be an activity id, got "${after}"`, { field: "after" });
    return context.activityStore.findWithin(area.code, period == null ? null : periodMonths(period), kind ?? null, limit, after);
  }

  @FieldResolver(() => CommunicationStatistics, {
    description: "Activities by kind and people reached by sex at this area and beneath it. Scoped to the caller's areas.",
  })
  communicationStatistics(@Root() area: Area, @Arg("period", () => String) period: string, @Ctx() context: CommunicationsContext) {
    return context.statisticsService.forArea(area.code, period);
  }

  @FieldResolver(() => [CommuneBroadcasts], {
    description: "Communes at or beneath this area with fewer than `fewerThan` broadcasts in the month (none counts), fewest first. Scoped.",
  })
  communesWithFewBroadcasts(
    @Root() area: Area,
    @Arg("month", () => String, { description: "YYYYMM." }) month: string,
    @Arg("fewerThan", () => Int, { defaultValue: 2 }) fewerThan: number,
    @Ctx() context: CommunicationsContext,
  ) {
    return context.statisticsService.communesWithFewBroadcasts(area.code, month, fewerThan);
  }
}
