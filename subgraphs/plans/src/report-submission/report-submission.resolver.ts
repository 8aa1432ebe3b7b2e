import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { Role } from "@vnge/shared";
import type { PlansContext } from "../context";
import { ReportingDeadline } from "../deadline/deadline.type";
import { ReportDocumentInput, ReportSubmission, ReportingRound } from "./report-submission.type";

@Resolver(() => ReportingDeadline)
export class ReportSubmissionResolver {
  @Authorized(Role.ADMIN, Role.DATA_ENTRY)
  @Mutation(() => ReportSubmission, {
    description:
      "Sends a reporter's report for a deadline with its document (PDF, Word, spreadsheet or OpenDocument; at most REPORT_DOCUMENT_MAX_MB, " +
      "10 MB by default). A reporter's later report replaces its earlier one. The reporting area must be in the caller's areas; an agency's " +
      "report is sent by its users or from its area.",
  })
  submitReport(
    @Arg("deadlineId", () => ID) deadlineId: string,
    @Arg("reporterCode", () => ID, { description: "The area or agency that owes the report." }) reporterCode: string,
    @Arg("period", () => String, { description: 'The period it covers, e.g. "2025".' }) period: string,
    @Arg("document", () => ReportDocumentInput) document: ReportDocumentInput,
    @Ctx() context: PlansContext,
  ) {
    return context.reportSubmissionService.submit({ deadlineId, reporterCode, period, document }, context);
  }

  @FieldResolver(() => ReportingRound, { description: "Who owes the report, who has sent it on time or late, and who has not." })
  async reporting(@Root() deadline: ReportingDeadline, @Ctx() context: PlansContext) {
    return context.reportSubmissionService.round(deadline, await context.loaders.submissionsByDeadline.load(deadline.id));
  }
}
