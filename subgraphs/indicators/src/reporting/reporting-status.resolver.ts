import { Args, Authorized, Ctx, Query, Resolver } from "type-graphql";
import type { IndicatorsContext } from "../context";
import { ReportingStatusArgs } from "./reporting-status.args";
import { ReportingStatus } from "./reporting-status.type";

@Resolver()
export class ReportingStatusResolver {
  @Authorized()
  @Query(() => ReportingStatus, {
    description:
      "Who has reported a data set for a period among the areas at `level` beneath `parentCode` (in the caller's scope), against the level's deadline.",
  })
  reportingStatus(@Args(() => ReportingStatusArgs) { dataSetCode, period, parentCode, level, asOf }: ReportingStatusArgs, @Ctx() context: IndicatorsContext) {
    return context.reportingStatusService.status(dataSetCode, period, parentCode, level, asOf ? new Date(asOf) : undefined);
  }
}
