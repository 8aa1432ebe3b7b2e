import { Arg, Args, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { Role } from "@vnge/shared";
import { AreaLevel } from "../area/area.enums";
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

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, {
    description:
      "Sets a province's own deadline for a data set and level (e.g. its communes by 3 December instead of 5), replacing the national day for " +
      "its areas; month null removes it. ADMIN within the province. Returns true.",
  })
  async setProvinceDeadline(
    @Arg("dataSetCode", () => ID) dataSetCode: string,
    @Arg("level", () => AreaLevel) level: AreaLevel,
    @Arg("provinceCode", () => ID) provinceCode: string,
    @Arg("month", () => Int, { nullable: true }) month: number | null,
    @Arg("day", () => Int, { nullable: true }) day: number | null,
    @Arg("yearOffset", () => Int, { defaultValue: 0, description: "1 when the day falls in the year after the period's." }) yearOffset: number,
    @Arg("hierarchy", () => String, { nullable: true, description: "The version of the province; the one in force today when omitted." })
    hierarchy: string | null,
    @Ctx() context: IndicatorsContext,
  ) {
    const rule = month === null || month === undefined ? null : { month, day: day ?? 0, yearOffset };
    await context.reportingStatusService.setProvinceDeadline({ dataSetCode, level, provinceCode, hierarchy, rule }, context.identity.subject);
    return true;
  }
}
