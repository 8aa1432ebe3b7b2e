import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { PAGE_FIRST_DESCRIPTION } from "@vnge/shared";
import type { CasesContext } from "../context";
import { CaseRecordInput } from "./case-record.input";
import { CASE_ROLES } from "./case-record.service";
import { CaseRecord, CaseService, CaseWriteResult } from "./case-record.type";

@Resolver(() => CaseRecord)
export class CaseRecordResolver {
  @Authorized(...CASE_ROLES)
  @Query(() => CaseRecord, { nullable: true, description: "A case record in your areas (case workers and administrators); every read is logged." })
  caseRecord(@Arg("id", () => ID) id: string, @Ctx() context: CasesContext) {
    return context.caseRecordService.byId(id);
  }

  @Authorized(...CASE_ROLES)
  @Query(() => [CaseRecord], {
    description:
      "Case records detected in a year in an area of yours and beneath it, by date; every read is logged. Pages: `first` (at most 1,000) after the record `after`.",
  })
  caseRecords(
    @Arg("areaCode", () => ID) areaCode: string,
    @Arg("year", () => Int) year: number,
    @Arg("first", () => Int, { nullable: true, description: PAGE_FIRST_DESCRIPTION }) first: number | undefined,
    @Arg("after", () => ID, { nullable: true, description: "Records after this one: the id of the last record of the previous page." }) after:
      | string
      | undefined,
    @Ctx() context: CasesContext,
  ) {
    return context.caseRecordService.inArea(areaCode, year, undefined, { first, after });
  }

  @Authorized(...CASE_ROLES)
  @Mutation(() => CaseWriteResult, { description: "Records a detected case in a commune of yours, then updates the indicator engine's aggregates." })
  recordCase(@Arg("input", () => CaseRecordInput) input: CaseRecordInput, @Ctx() context: CasesContext) {
    return context.caseRecordService.record(input);
  }

  @Authorized(...CASE_ROLES)
  @Mutation(() => CaseWriteResult, { description: "Replaces a case record's fields and services (e.g. a service given, the case closed)." })
  updateCase(@Arg("id", () => ID) id: string, @Arg("input", () => CaseRecordInput) input: CaseRecordInput, @Ctx() context: CasesContext) {
    return context.caseRecordService.update(id, input);
  }

  @FieldResolver(() => [CaseService])
  services(@Root() record: CaseRecord, @Ctx() context: CasesContext) {
    return context.loaders.servicesByCase.load(record.id);
  }

  @FieldResolver(() => String, { nullable: true, description: "Working note: shown to case workers in scope only (null for anyone else)." })
  note(@Root() record: CaseRecord, @Ctx() context: CasesContext) {
    return context.caseRecordService.noteOf(record);
  }
}
