import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Resolver, Root } from "type-graphql";
import { PAGE_FIRST_DESCRIPTION } from "@vnge/shared";
import type { CasesContext } from "../context";
import { CASE_ROLES } from "../case-record/case-record.service";
import { CaseRecord } from "../case-record/case-record.type";
import { CaseStatistics } from "../case-statistics/case-statistics.type";
import { Area } from "./area.type";

@Resolver(() => Area)
export class AreaCasesResolver {
  @Authorized(...CASE_ROLES)
  @FieldResolver(() => [CaseRecord], {
    description:
      "Case records detected in a year in this area and beneath it, by date (case workers in scope, administrators). Pages as for `Query.caseRecords`.",
  })
  caseRecords(
    @Root() area: Area,
    @Arg("year", () => Int) year: number,
    @Arg("first", () => Int, { nullable: true, description: PAGE_FIRST_DESCRIPTION }) first: number | undefined,
    @Arg("after", () => ID, { nullable: true, description: "Records after this one: the id of the last record of the previous page." }) after:
      | string
      | undefined,
    @Ctx() context: CasesContext,
  ) {
    return context.caseRecordService.inArea(area.code, year, area.hierarchy, { first, after });
  }

  @Authorized()
  @FieldResolver(() => CaseStatistics, {
    description:
      "Cases detected in a year in this area and beneath it, counted by sex, age group, form and service. Small counts are suppressed unless you are a case worker in scope or an administrator.",
  })
  caseStatistics(@Root() area: Area, @Arg("period", () => String) period: string, @Ctx() context: CasesContext) {
    return context.caseStatisticsService.forArea(area.code, period, area.hierarchy);
  }
}
