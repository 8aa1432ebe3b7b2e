// Rules of the write path for plans, targets and deadlines: role checks sit on the resolvers; here the
// caller's area scope, validation of every row before any write, and one transaction per request.
import { type AreaDirectory, AreaScope, BadUserInputError, type Database, NATION_CODE, NotFoundError, type PlanRecord } from "@vnge/shared";
import { AgencyMatcher } from "../agency/agency.service";
import { AgencyStore } from "../agency/agency.store";
import { type IndicatorCatalogue, readCatalogue } from "../catalogue/indicator-catalogue";
import type { ReportingDeadlineInput } from "../deadline/deadline.input";
import { DeadlineStore, type NewDeadline, toDeadline } from "../deadline/deadline.store";
import type { ReportingDeadline } from "../deadline/deadline.type";
import { CsvFormatError, type ImportIssue, parseTargetTable } from "../plan-import/csv-import";
import type { TargetInput } from "../target/target.input";
import { type NewTarget, TargetStore, toTarget } from "../target/target.store";
import type { Target } from "../target/target.type";
import { type TargetDraft, type TargetProblem, targetProblems } from "../target/target.validation";
import type { CreatePlanInput } from "./plan.input";
import { type NewPlan, PlanStore, toPlan } from "./plan.store";
import type { Plan } from "./plan.type";

export interface ImportResult {
  plan: Plan;
  rows: number;
  targets: Target[];
  problems: ImportIssue[];
  warnings: ImportIssue[];
  /** Codes of the agencies defined for names that matched none (defineAgencies), or that would be in a dry run. */
  definedAgencies: string[];
  dryRun: boolean;
}

export interface ImportOptions {
  dryRun?: boolean;
  definedCodes?: ReadonlyMap<number, string>;
  /** Define an agency of the plan's area for every agency name that matches none. */
  defineAgencies?: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
function parseDate(value: string, field: string): Date {
  const date = new Date(`${value}T00:00:00Z`);
  if (!DATE.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new BadUserInputError(`${field} "${value}" must be a date written YYYY-MM-DD`, { field });
  }
  return date;
}

function rejectProblems(problems: TargetProblem[], prefix: string): void {
  if (problems.length === 0) return;
  const shown = problems.slice(0, 5).map((p) => `target ${p.index + 1}: ${p.message}`);
  throw new BadUserInputError(`${prefix}: ${shown.join("; ")}${problems.length > 5 ? ` and ${problems.length - 5} more` : ""}`, {
    problems: problems.slice(0, 100),
  });
}

/** A unique key taken between our check and our write (another request got there first) is the caller's conflict, not a fault. */
async function conflictsAsBadInput<T>(write: Promise<T>, what: string): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if ((error as { code?: unknown }).code === "P2002") throw new BadUserInputError(`${what} was written by another request meanwhile; nothing was written`);
    throw error;
  }
}

type TargetFields = TargetDraft & Partial<Pick<NewTarget, "responsibleAgency" | "notes" | "sourceText">>;

function newTarget(plan: PlanRecord, draft: TargetFields): NewTarget {
  return { planId: plan.id, ...targetColumns(plan.areaCode, draft) };
}

/** A target of a plan of the area, but for the plan's id. */
function targetColumns(planAreaCode: string, draft: TargetFields): Omit<NewTarget, "planId"> {
  return {
    areaCode: draft.areaCode ?? planAreaCode,
    indicatorCode: draft.indicatorCode,
    period: draft.period,
    sex: draft.sex ?? null,
    targetValue: draft.targetValue,
    comparison: draft.comparison as NewTarget["comparison"],
    baselineValue: draft.baselineValue ?? null,
    baselinePeriod: draft.baselinePeriod ?? null,
    responsibleAgency: draft.responsibleAgency ?? null,
    notes: draft.notes ?? null,
    sourceText: draft.sourceText ?? null,
  };
}

/** A deadline of a plan, but for the plan's id. */
function deadlineData(input: ReportingDeadlineInput): Omit<NewDeadline, "planId"> {
  if (input.fromLevel === input.toLevel)
    throw new BadUserInputError("a report goes from one level to another: fromLevel and toLevel are the same", { field: "toLevel" });
  return {
    report: input.report,
    fromLevel: input.fromLevel,
    toLevel: input.toLevel,
    dueDate: parseDate(input.dueDate, "dueDate"),
    submittedOn: input.submittedOn ? parseDate(input.submittedOn, "submittedOn") : null,
    kind: input.kind ?? "OTHER",
    reporterAgencyCode: input.reporterAgencyCode ?? null,
    dueBefore: input.dueBefore ?? false,
  };
}

export class PlanService {
  constructor(
    private readonly db: Database,
    /** The request's areas (one directory per run for the command-line import). */
    private readonly areas: AreaDirectory,
    /** The catalogue targets are checked against: its tables, read on each write (docs/decisions/0087). */
    private readonly catalogue: () => Promise<IndicatorCatalogue> = () => readCatalogue(db),
  ) {}

  /** Targets of a local indicator outside its owner: such an indicator has no figures there (decision 0084). */
  private async ownerProblems(
    areaCode: string,
    version: string | undefined,
    codes: readonly string[],
    catalogue: IndicatorCatalogue,
  ): Promise<Map<string, string>> {
    const problems = new Map<string, string>();
    for (const code of new Set(codes)) {
      const owner = catalogue.get(code)?.owner;
      if (!owner || owner === NATION_CODE) continue;
      if (!(await new AreaScope(this.areas, [owner]).contains(areaCode, version))) {
        problems.set(code, `${code} is a local indicator of area ${owner}: it can be targeted only at or beneath ${owner}, not at ${areaCode}`);
      }
    }
    return problems;
  }

  private async rejectOutsideOwners(
    areaCode: string,
    version: string | undefined,
    codes: readonly string[],
    catalogue: IndicatorCatalogue,
    what: string,
  ): Promise<void> {
    const problems = [...(await this.ownerProblems(areaCode, version, codes, catalogue)).values()];
    if (problems.length > 0) throw new BadUserInputError(`${problems.join("; ")}; ${what}`, { field: "targets" });
  }

  /** A deadline owed by an agency names one that exists; otherwise it is owed by areas, never by the ministry. */
  private async rejectUnknownAgencies(deadlines: readonly Omit<NewDeadline, "planId">[]): Promise<void> {
    const codes = [...new Set(deadlines.flatMap((d) => (d.reporterAgencyCode ? [d.reporterAgencyCode] : [])))];
    const known = new Set((await new AgencyStore(this.db).findByCodes(codes)).map((agency) => agency.code));
    const unknown = codes.filter((code) => !known.has(code));
    if (unknown.length > 0) throw new BadUserInputError(`no agency with code ${unknown.join(", ")}`, { field: "reporterAgencyCode" });
    if (deadlines.some((d) => !d.reporterAgencyCode && d.fromLevel === "MINISTRY"))
      throw new BadUserInputError("the ministry receives reports: a report from MINISTRY needs reporterAgencyCode", { field: "fromLevel" });
  }

  /** A plan sets targets for its own area or for areas beneath it (a province for its districts or communes). */
  private async rejectTargetAreasOutside(planAreaCode: string, version: string | undefined, targets: readonly TargetDraft[], what: string): Promise<void> {
    const codes = [...new Set(targets.flatMap((t) => (t.areaCode && t.areaCode !== planAreaCode ? [t.areaCode] : [])))];
    if (codes.length === 0) return;
    const within = new AreaScope(this.areas, [planAreaCode]);
    const outside: string[] = [];
    for (const code of codes) if (!(await within.contains(code, version))) outside.push(code);
    if (outside.length > 0) {
      throw new BadUserInputError(
        `${outside.join(", ")} ${outside.length > 1 ? "are" : "is"} not beneath area ${planAreaCode}${version ? ` in hierarchy ${version}` : ""}; ${what}`,
        {
          field: "targets.areaCode",
        },
      );
    }
  }

  /** The plan, after checking the caller may write for its area (FORBIDDEN otherwise). */
  private async writablePlan(planId: string, scope: AreaScope | null, action: string): Promise<PlanRecord> {
    const plan = await new PlanStore(this.db).findRecord(planId);
    if (!plan) throw new NotFoundError(`no plan with id "${planId}"`, { field: "planId" });
    if (scope) await scope.assertContains([plan.areaCode], action);
    return plan;
  }

  async createPlan(input: CreatePlanInput, scope: AreaScope): Promise<Plan> {
    // The issuing area is one of the version in force in the plan's first year.
    const { hierarchy } = this.areas;
    const version =
      Number.isInteger(input.startYear) && input.startYear >= 1900 && input.startYear <= 2100
        ? await hierarchy.versionForPeriod(String(input.startYear))
        : undefined;
    await scope.assertContains([input.areaCode], "create plans", version);
    if (!(await hierarchy.placements([input.areaCode], version)).has(input.areaCode)) {
      throw new BadUserInputError(`unknown area "${input.areaCode}"${version ? ` in hierarchy ${version}, in force in ${input.startYear}` : ""}`, {
        field: "areaCode",
      });
    }
    if (input.endYear < input.startYear) throw new BadUserInputError(`endYear ${input.endYear} is before startYear ${input.startYear}`, { field: "endYear" });
    const targets = input.targets ?? [];
    const catalogue = await this.catalogue();
    rejectProblems(targetProblems(targets, catalogue, new Set(), input.areaCode), "the plan was not created");
    await this.rejectTargetAreasOutside(input.areaCode, version, targets, "the plan was not created");
    await this.rejectOutsideOwners(
      input.areaCode,
      version,
      targets.map((t) => t.indicatorCode),
      catalogue,
      "the plan was not created",
    );
    const documentDate = input.documentDate ? parseDate(input.documentDate, "documentDate") : null;
    const plans = new PlanStore(this.db);
    if (input.documentNumber) {
      const existing = await plans.findByNumber(input.areaCode, input.documentNumber);
      if (existing) throw new BadUserInputError(`area ${input.areaCode} already has a plan numbered "${input.documentNumber}"`, { field: "documentNumber" });
    }
    const deadlines = (input.deadlines ?? []).map(deadlineData);
    await this.rejectUnknownAgencies(deadlines);
    const record = await conflictsAsBadInput(
      plans.createWithTargets(
        {
          areaCode: input.areaCode,
          title: input.title,
          titleEn: input.titleEn ?? null,
          type: input.type,
          startYear: input.startYear,
          endYear: input.endYear,
          documentNumber: input.documentNumber ?? null,
          documentDate,
          status: input.status ?? "DRAFT",
        },
        targets.map((target) => targetColumns(input.areaCode, target)),
        deadlines,
      ),
      "a plan with this number or one of these targets",
    );
    return toPlan(record);
  }

  async addTargets(planId: string, inputs: TargetInput[], scope: AreaScope): Promise<Target[]> {
    const plan = await this.writablePlan(planId, scope, "add targets");
    if (inputs.length === 0) throw new BadUserInputError("targets must hold at least one target", { field: "targets" });
    const taken = await new TargetStore(this.db).existingKeys(plan.id);
    const catalogue = await this.catalogue();
    rejectProblems(targetProblems(inputs, catalogue, taken, plan.areaCode), "no target was added");
    await this.rejectTargetAreasOutside(plan.areaCode, await this.areas.hierarchy.versionForPeriod(String(plan.startYear)), inputs, "no target was added");
    await this.rejectOutsideOwners(
      plan.areaCode,
      await this.areas.hierarchy.versionForPeriod(String(plan.startYear)),
      inputs.map((t) => t.indicatorCode),
      catalogue,
      "no target was added",
    );
    const created = await conflictsAsBadInput(new TargetStore(this.db).create(inputs.map((input) => newTarget(plan, input))), "one of these targets");
    return created.map((record) => toTarget(record));
  }

  /**
   * Imports a target table into a plan: the rows that read as valid targets are written together;
   * every other row is reported with its reason. `scope` null: an operator's command-line import.
   */
  async importTargets(planId: string, csv: string, options: { scope: AreaScope | null } & ImportOptions): Promise<ImportResult> {
    const plan = await this.writablePlan(planId, options.scope, "import targets");
    return this.importInto(plan, csv, options);
  }

  /** What importing the table into a plan not yet created would give: nothing is written. */
  previewImport(plan: NewPlan, csv: string, options: Omit<ImportOptions, "dryRun"> = {}): Promise<ImportResult> {
    const unsaved: PlanRecord = { ...plan, parentPlanId: plan.parentPlanId ?? null, id: "00000000-0000-0000-0000-000000000000", createdAt: new Date() };
    return this.importInto(unsaved, csv, { ...options, dryRun: true });
  }

  private async importInto(plan: PlanRecord, csv: string, options: ImportOptions): Promise<ImportResult> {
    const catalogue = await this.catalogue();
    let table: ReturnType<typeof parseTargetTable>;
    try {
      table = parseTargetTable(csv, catalogue, options.definedCodes);
    } catch (error) {
      if (error instanceof CsvFormatError) throw new BadUserInputError(error.message, { field: "csv" });
      throw error;
    }
    const taken = await new TargetStore(this.db).existingKeys(plan.id);
    const problems = [...table.problems];
    const invalid = new Set<number>();
    for (const problem of targetProblems(table.drafts, catalogue, taken, plan.areaCode)) {
      const draft = table.drafts[problem.index];
      invalid.add(problem.index);
      problems.push({ line: draft.line, indicator: draft.indicatorCode, column: `target:${draft.period}`, message: problem.message });
    }
    const version = await this.areas.hierarchy.versionForPeriod(String(plan.startYear));
    const outside = await this.ownerProblems(
      plan.areaCode,
      version,
      table.drafts.map((d) => d.indicatorCode),
      catalogue,
    );
    table.drafts.forEach((draft, index) => {
      const message = outside.get(draft.indicatorCode);
      if (!message || invalid.has(index)) return;
      invalid.add(index);
      problems.push({ line: draft.line, indicator: draft.indicatorCode, column: `target:${draft.period}`, message });
    });
    const accepted = table.drafts.filter((_, index) => !invalid.has(index));
    problems.sort((a, b) => a.line - b.line);
    // The agency column names agencies of the plan's area or the areas above it; a name matching none is reported.
    const matcher = await AgencyMatcher.of(new AgencyStore(this.db), this.areas, { code: plan.areaCode, hierarchy: version }, options.defineAgencies === true);
    const warnings = [...table.warnings];
    const reported = new Set<string>();
    const newTargets = accepted.map((draft) => {
      const { agencies, unmatched } = matcher.match(draft.responsibleAgency ?? null);
      for (const name of unmatched.filter((name) => !reported.has(`${draft.line}|${name}`))) {
        reported.add(`${draft.line}|${name}`);
        warnings.push({
          line: draft.line,
          indicator: draft.indicatorCode,
          column: "responsible_agency",
          message: `"${name}" is no agency of area ${plan.areaCode} or above it; the target keeps the name as text (define the agency, or import with defineAgencies)`,
        });
      }
      return { ...newTarget(plan, draft), agencies };
    });
    warnings.sort((a, b) => a.line - b.line);
    const targets = options.dryRun
      ? newTargets.map(({ agencies: _, ...target }) =>
          toTarget({ ...target, id: "00000000-0000-0000-0000-000000000000", sex: target.sex ?? "ALL", createdAt: new Date() }),
        )
      : (await conflictsAsBadInput(new TargetStore(this.db).create(newTargets, matcher.defined), "one of these targets")).map((record) => toTarget(record));
    const definedAgencies = matcher.defined.map((agency) => agency.code);
    return { plan: toPlan(plan), rows: table.rows, targets, problems, warnings, definedAgencies, dryRun: options.dryRun === true };
  }

  /**
   * Records that a plan implements another: a plan of the same area or of an area above it, whose years cover the
   * plan's (a yearly plan its 5-year plan, a district's plan its province's). Null unlinks it.
   */
  async linkPlan(planId: string, parentPlanId: string | null, scope: AreaScope): Promise<Plan> {
    const plan = await this.writablePlan(planId, scope, "link plans");
    if (parentPlanId === null) return toPlan(await new PlanStore(this.db).setParent(plan.id, null));
    const plans = new PlanStore(this.db);
    const parent = await plans.findRecord(parentPlanId);
    if (!parent) throw new NotFoundError(`no plan with id "${parentPlanId}"`, { field: "parentPlanId" });
    if (parent.id === plan.id) throw new BadUserInputError("a plan cannot implement itself", { field: "parentPlanId" });
    const version = await this.areas.hierarchy.versionForPeriod(String(plan.startYear));
    if (!(await new AreaScope(this.areas, [parent.areaCode]).contains(plan.areaCode, version))) {
      throw new BadUserInputError(`plan of area ${plan.areaCode} cannot implement a plan of area ${parent.areaCode}: that area is not the same or above it`, {
        field: "parentPlanId",
      });
    }
    if (parent.startYear > plan.startYear || parent.endYear < plan.endYear) {
      throw new BadUserInputError(
        `plan of ${plan.startYear}-${plan.endYear} cannot implement a plan of ${parent.startYear}-${parent.endYear}: its years must lie within the parent's`,
        { field: "parentPlanId" },
      );
    }
    // The same area and years both ways would make a loop: walk up from the parent.
    for (let at: PlanRecord | null = parent; at; at = at.parentPlanId ? await plans.findRecord(at.parentPlanId) : null) {
      if (at.parentPlanId === plan.id)
        throw new BadUserInputError("the link would make a loop: that plan already implements this one", { field: "parentPlanId" });
    }
    return toPlan(await plans.setParent(plan.id, parent.id));
  }

  async addDeadline(planId: string, input: ReportingDeadlineInput, scope: AreaScope): Promise<ReportingDeadline> {
    const plan = await this.writablePlan(planId, scope, "add reporting deadlines");
    const deadline = deadlineData(input);
    await this.rejectUnknownAgencies([deadline]);
    return toDeadline(await new DeadlineStore(this.db).create({ planId: plan.id, ...deadline }));
  }

  async recordReportSubmitted(deadlineId: string, submittedOn: string, scope: AreaScope): Promise<ReportingDeadline> {
    const deadlines = new DeadlineStore(this.db);
    const deadline = await deadlines.findById(deadlineId);
    if (!deadline) throw new NotFoundError(`no reporting deadline with id "${deadlineId}"`, { field: "id" });
    await this.writablePlan(deadline.planId, scope, "record reports");
    return toDeadline(await deadlines.recordSubmitted(deadlineId, parseDate(submittedOn, "submittedOn")));
  }
}
