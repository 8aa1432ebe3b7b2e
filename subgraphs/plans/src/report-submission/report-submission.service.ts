// Reporting obligations: which reporters owe a deadline's report, the rule for sending one (the reporter must be
// the caller's, the document a real office file within the limit), and the round's standing per reporter.
import { type AreaDirectory, type AreaScope, BadUserInputError, type Database, type Identity, NotFoundError, parsePeriod } from "@vnge/shared";
import { AgencyStore, toAgency } from "../agency/agency.store";
import { DeadlineStore, dueInstant } from "../deadline/deadline.store";
import type { ReportingDeadline } from "../deadline/deadline.type";
import { PlanStore } from "../plan/plan.store";
import { type ReportDocument, documentLimitBytes, readDocument } from "./report-document";
import { documentPath } from "./report-document.route";
import { ReportSubmissionStore, type SubmissionRow } from "./report-submission.store";
import type { ReportDocumentInput, ReportSubmission, ReportingRound } from "./report-submission.type";

export const toSubmission = (row: SubmissionRow): ReportSubmission => ({
  ...row,
  submittedAt: row.submittedAt.toISOString(),
  documentUrl: documentPath(row.id),
});

interface Reporter {
  code: string;
  agency: boolean;
}

export class ReportSubmissionService {
  private readonly submissions: ReportSubmissionStore;

  constructor(
    private readonly db: Database,
    private readonly areas: AreaDirectory,
    private readonly limitBytes: number = documentLimitBytes(),
  ) {
    this.submissions = new ReportSubmissionStore(db);
  }

  /** The reporters of a deadline and the version its areas are read in. */
  private async reporters(
    deadline: Pick<ReportingDeadline, "planId" | "fromLevel" | "reporterAgencyCode">,
  ): Promise<{ reporters: Reporter[]; hierarchy: string }> {
    const plan = await new PlanStore(this.db).findRecord(deadline.planId);
    if (!plan) throw new NotFoundError(`no plan with id "${deadline.planId}"`);
    const hierarchy = await this.areas.hierarchy.versionForPeriod(String(plan.startYear));
    if (deadline.reporterAgencyCode) return { reporters: [{ code: deadline.reporterAgencyCode, agency: true }], hierarchy };
    if (deadline.fromLevel === "MINISTRY") return { reporters: [], hierarchy };
    const areas = (await this.areas.hierarchy.areasWithin(plan.areaCode, deadline.fromLevel, hierarchy)) ?? [];
    return { reporters: areas.map((area) => ({ code: area.code, agency: false })), hierarchy };
  }

  async submit(
    input: { deadlineId: string; reporterCode: string; period: string; document: ReportDocumentInput },
    caller: { scope: AreaScope; identity: Identity },
  ): Promise<ReportSubmission> {
    const record = await new DeadlineStore(this.db).findById(input.deadlineId);
    if (!record) throw new NotFoundError(`no reporting deadline with id "${input.deadlineId}"`, { field: "deadlineId" });
    const { reporters, hierarchy } = await this.reporters(record);
    const reporter = reporters.find((r) => r.code === input.reporterCode);
    if (!reporter) {
      const owed = reporters.length <= 10 ? reporters.map((r) => r.code).join(", ") : `${reporters.length} reporters`;
      throw new BadUserInputError(`${input.reporterCode} does not owe this report; it is owed by ${owed || "no one"}`, { field: "reporterCode" });
    }
    if (!parsePeriod(input.period)) throw new BadUserInputError(`period "${input.period}" is not a valid period`, { field: "period" });
    await this.assertMayReport(reporter, hierarchy, caller);
    const document: ReportDocument = readDocument(input.document, this.limitBytes);
    const saved = await this.submissions.save(
      { deadlineId: record.id, reporterCode: reporter.code, period: input.period, submittedAt: new Date(), submittedBy: caller.identity.subject },
      document,
    );
    return toSubmission(saved);
  }

  /** An area's report is sent from within the caller's areas; an agency's by its own users or from its area. */
  private async assertMayReport(reporter: Reporter, hierarchy: string, caller: { scope: AreaScope; identity: Identity }): Promise<void> {
    if (!reporter.agency) return caller.scope.assertContains([reporter.code], "submit reports", hierarchy);
    if (caller.identity.agencyCode === reporter.code) return;
    const [agency] = await new AgencyStore(this.db).findByCodes([reporter.code]);
    if (!agency) throw new NotFoundError(`no agency with code "${reporter.code}"`, { field: "reporterCode" });
    await caller.scope.assertContains([agency.areaCode], "submit reports", agency.hierarchy);
  }

  /**
   * A submitted report's document, for whoever receives it (the plan's area in the caller's areas) or could have
   * sent it; NOT_FOUND alike for an unknown id and one the caller may not read, so ids cannot be probed.
   */
  async document(submissionId: string, caller: { scope: AreaScope; identity: Identity }): Promise<ReportDocument> {
    const missing = new NotFoundError(`no report submission with id "${submissionId}" that you may read`, { field: "submission" });
    const submission = await this.submissions.findWithDocument(submissionId);
    if (!submission) throw missing;
    const deadline = await new DeadlineStore(this.db).findById(submission.deadlineId);
    const plan = deadline && (await new PlanStore(this.db).findRecord(deadline.planId));
    if (!deadline || !plan) throw missing;
    const { reporters, hierarchy } = await this.reporters(deadline);
    const reporter = reporters.find((r) => r.code === submission.reporterCode) ?? { code: submission.reporterCode, agency: !!deadline.reporterAgencyCode };
    const receives = await caller.scope.contains(plan.areaCode, await this.areas.hierarchy.versionForPeriod(String(plan.startYear)));
    if (!receives) {
      try {
        await this.assertMayReport(reporter, hierarchy, caller);
      } catch {
        throw missing;
      }
    }
    return { fileName: submission.documentName, contentType: submission.documentType, bytes: submission.document };
  }

  /** Every reporter's standing for the deadline, now. */
  async round(deadline: ReportingDeadline, submissions: readonly SubmissionRow[], now: Date = new Date()): Promise<ReportingRound> {
    const { reporters, hierarchy } = await this.reporters(deadline);
    const due = dueInstant(deadline.dueDate, deadline.dueBefore);
    const byReporter = new Map(submissions.map((s) => [s.reporterCode, s]));
    const agencies = new Map(
      (await new AgencyStore(this.db).findByCodes(reporters.filter((r) => r.agency).map((r) => r.code))).map((a) => [a.code, toAgency(a)]),
    );
    const statuses = reporters
      .map((reporter) => {
        const submission = byReporter.get(reporter.code);
        const state = !submission ? ("MISSING" as const) : submission.submittedAt < due ? ("ON_TIME" as const) : ("LATE" as const);
        return {
          reporterCode: reporter.code,
          area: reporter.agency ? null : { code: reporter.code, hierarchy },
          agency: reporter.agency ? (agencies.get(reporter.code) ?? null) : null,
          state,
          submission: submission ? toSubmission(submission) : null,
        };
      })
      .sort((a, b) => a.reporterCode.localeCompare(b.reporterCode));
    const count = (state: string) => statuses.filter((s) => s.state === state).length;
    return { expected: statuses.length, onTime: count("ON_TIME"), late: count("LATE"), missing: count("MISSING"), overdue: now >= due, reporters: statuses };
  }
}
