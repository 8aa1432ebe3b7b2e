import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { Role } from "@vnge/shared";
import type { PlansContext } from "../context";
import { ReportingDeadlineInput } from "../deadline/deadline.input";
import { ReportingDeadline } from "../deadline/deadline.type";
import { PlanImportReport } from "../plan-import/plan-import.type";
import { CreatePlanInput } from "./plan.input";
import { Plan } from "./plan.type";

@Resolver()
export class PlanWriteResolver {
  @Authorized(Role.ADMIN, Role.DATA_ENTRY)
  @Mutation(() => Plan, { description: "Creates a plan with its targets and deadlines: all or nothing. The area must be in the caller's areas." })
  createPlan(@Arg("input", () => CreatePlanInput) input: CreatePlanInput, @Ctx() context: PlansContext) {
    return context.planService.createPlan(input, context.scope);
  }

  @Authorized(Role.ADMIN, Role.DATA_ENTRY)
  @Mutation(() => PlanImportReport, {
    description:
      "Imports a target table (CSV: indicator, indicator_code, unit, baseline:<year>, target:<year>..., comparison, sex, responsible_agency, note). " +
      "responsible_agency names the lead agency, then after semicolons the supporting ones, matched to the agencies of the plan's area and above. " +
      "Rows that read as valid targets are written together; every other row is reported with its reason.",
  })
  importPlanTargets(
    @Arg("planId", () => ID) planId: string,
    @Arg("csv", () => String) csv: string,
    @Arg("dryRun", () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Arg("defineAgencies", () => Boolean, {
      defaultValue: false,
      description: "Define an agency of the plan's area for every name in responsible_agency that matches none (otherwise each is reported).",
    })
    defineAgencies: boolean,
    @Ctx() context: PlansContext,
  ) {
    return context.planService.importTargets(planId, csv, { scope: context.scope, dryRun, defineAgencies });
  }

  @Authorized(Role.ADMIN, Role.DATA_ENTRY)
  @Mutation(() => ReportingDeadline)
  addReportingDeadline(
    @Arg("planId", () => ID) planId: string,
    @Arg("input", () => ReportingDeadlineInput) input: ReportingDeadlineInput,
    @Ctx() context: PlansContext,
  ) {
    return context.planService.addDeadline(planId, input, context.scope);
  }

  @Authorized(Role.ADMIN, Role.DATA_ENTRY)
  @Mutation(() => ReportingDeadline, { description: "Records the day a report was received." })
  recordReportSubmitted(@Arg("id", () => ID) id: string, @Arg("submittedOn", () => String) submittedOn: string, @Ctx() context: PlansContext) {
    return context.planService.recordReportSubmitted(id, submittedOn, context.scope);
  }
}
