import { Arg, Authorized, Ctx, ID, Query, Resolver } from "type-graphql";
import { AreaLevel } from "../area/area-level.enum";
import type { IndicatorsContext } from "../context";
import { ReportingStatus } from "./reporting-status.type";

@Resolver()
export class ReportingStatusResolver {
  @Authorized()
  @Query(() => ReportingStatus, {
    description:
      "Who has reported a data set for a period among the areas at `level` beneath `parentCode` (in the caller's scope), against the level's deadline.",
  })
  reportingStatus(
    @Arg("dataSetCode", () => ID) dataSetCode: string,
    @Arg("period", () => String) period: string,
    @Arg("parentCode", () => ID) parentCode: string,
    @Arg("level", () => AreaLevel) level: AreaLevel,
    @Arg("asOf", () => String, { nullable: true, description: "Judge timeliness at this moment (ISO 8601); now when omitted." }) asOf:
      | string
      | null
      | undefined,
    @Ctx() context: IndicatorsContext,
  ) {
    return context.reportingStatusService.status(dataSetCode, period, parentCode, level, asOf ? new Date(asOf) : undefined);
  }
}
