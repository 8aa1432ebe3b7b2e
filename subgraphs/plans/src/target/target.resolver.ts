import { Arg, Authorized, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { type AreaKey, Role } from "@vnge/shared";
import { Area } from "../area/area.type";
import type { PlansContext } from "../context";
import { Plan } from "../plan/plan.type";
import { parseTargetAssessmentId, targetAssessmentId } from "./target-id";
import { TargetInput } from "./target.input";
import { Target, TargetProgress } from "./target.type";

/** The start year of a target's plan, batched per request. */
export const planStartYear = (context: PlansContext) => async (planId: string) => (await context.loaders.planById.load(planId))?.startYear ?? null;

@Resolver(() => Target)
export class TargetResolver {
  @Authorized()
  @Query(() => Target, {
    nullable: true,
    description: 'One target by its id ("<target>:<year>", assessed at that year), or by the target part alone (assessed at its own period).',
  })
  async target(@Arg("id", () => ID) id: string, @Ctx() context: PlansContext) {
    const { targetId, assessedPeriod } = parseTargetAssessmentId(id);
    const target = await context.loaders.targetById.load(targetId);
    return target && assessedPeriod ? { ...target, assessedPeriod } : target;
  }

  @FieldResolver(() => ID, {
    description:
      'Stable id for client caches: "<target>:<assessed year>". One target assessed at two years (lists asked with different periods) ' +
      "has two ids, so their actual values and progress stay apart.",
  })
  id(@Root() target: Target): string {
    return targetAssessmentId(target.id, target.assessedPeriod);
  }

  @FieldResolver(() => Plan)
  async plan(@Root() target: Target, @Ctx() context: PlansContext) {
    return context.loaders.planById.load(target.planId);
  }

  @FieldResolver(() => Area, { description: "The plan's area, in the version of the plan's first year: a target keeps its plan's codes after a reform." })
  async area(@Root() target: Target, @Ctx() context: PlansContext): Promise<AreaKey> {
    return { code: target.areaCode, hierarchy: await this.areaHierarchy(target, context) };
  }

  @Directive("@shareable")
  @FieldResolver(() => String, {
    description:
      "The hierarchy version of the target's area: the version of its plan's first year (e.g. \"2025-03\" for a 2021-2025 plan), also when the assessed year is of a later one.",
  })
  async areaHierarchy(@Root() target: Target, @Ctx() context: PlansContext): Promise<string> {
    return target.areaHierarchy ?? (await context.targetService.versionsOf(target, planStartYear(context))).area;
  }

  @Directive('@requires(fields: "actual { total male female approximate }")')
  @FieldResolver(() => TargetProgress, {
    nullable: true,
    description:
      "Status and gap at the assessed period, from the actual value (docs/decisions/0021-target-progress.md). Across a reform (a target of an earlier " +
      "version's area assessed at a later year) the actual value is the area's own carried back, and acrossReform says how (decision 0099). " +
      "Statistics: FORBIDDEN outside the caller's areas.",
  })
  async progress(@Root() target: Target, @Ctx() context: PlansContext) {
    return context.targetService.progress(target, await context.targetService.versionsOf(target, planStartYear(context)));
  }

  @Authorized(Role.ADMIN, Role.DATA_ENTRY)
  @Mutation(() => [Target], { description: "Adds targets to a plan: all of them or, on any problem, none." })
  addTargets(@Arg("planId", () => ID) planId: string, @Arg("targets", () => [TargetInput]) targets: TargetInput[], @Ctx() context: PlansContext) {
    return context.planService.addTargets(planId, targets, context.scope);
  }
}
