import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { CasesContext } from "../context";
import { CASE_ROLES } from "../case-record/case-record.service";
import { CaseRecord } from "../case-record/case-record.type";
import { CaseStatistics } from "../case-statistics/case-statistics.type";
import { Area } from "./area.type";

@Resolver(() => Area)
export class AreaCasesResolver {
  @Authorized(...CASE_ROLES)
  @FieldResolver(() => [CaseRecord], { description: "Case records detected in a year in this area and beneath it (case workers in scope, administrators)." })
  caseRecords(@Root() area: Area, @Arg("year", () => Int) year: number, @Ctx() context: CasesContext) {
    return context.caseRecordService.inArea(area.code, year, area.hierarchy);
  }

  @Authorized()
  @FieldResolver(() => CaseStatistics, {
    description: "Cases detected in a year in this area and beneath it, counted by sex, age group, form and service. Small counts are suppressed unless you are a case worker in scope or an administrator.",
  })
  caseStatistics(@Root() area: Area, @Arg("period", () => String) period: string, @Ctx() context: CasesContext) {
    return context.caseStatisticsService.forArea(area.code, period, area.hierarchy);
  }
}
