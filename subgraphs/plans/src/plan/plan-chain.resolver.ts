import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { Role } from "@vnge/shared";
import type { PlansContext } from "../context";
import { Target } from "../target/target.type";
import { Plan } from "./plan.type";

/** The chain of plans: a yearly plan implements a 5-year plan, a district's plan its province's (decision 0107). */
@Resolver(() => Plan)
export class PlanChainResolver {
  @Authorized(Role.ADMIN, Role.DATA_ENTRY)
  @Mutation(() => Plan, {
    description:
      "Records the plan a plan implements: one of the same area or an area above it whose years cover the plan's. parentPlanId null unlinks it. " +
      "The plan's area must be in the caller's areas.",
  })
  linkPlan(
    @Arg("planId", () => ID) planId: string,
    @Arg("parentPlanId", () => ID, { nullable: true }) parentPlanId: string | null,
    @Ctx() context: PlansContext,
  ) {
    return context.planService.linkPlan(planId, parentPlanId ?? null, context.scope);
  }

  @FieldResolver(() => Plan, { nullable: true, description: "The plan this one implements." })
  parent(@Root() plan: Plan, @Ctx() context: PlansContext) {
    return plan.parentPlanId ? context.loaders.planById.load(plan.parentPlanId) : null;
  }

  @FieldResolver(() => [Plan], { description: "The plans implementing this one, oldest first." })
  children(@Root() plan: Plan, @Ctx() context: PlansContext) {
    return context.loaders.childrenByPlan.load(plan.id);
  }
}

@Resolver(() => Target)
export class TargetChainResolver {
  @FieldResolver(() => Target, {
    nullable: true,
    description:
      "The parent plan's target for the same indicator and sex, beside which this one is read: for the same year when it has one, otherwise its " +
      "nearest later year (a 5-year plan's 2025 target above a yearly 2023 one). Null without a parent plan or such a target.",
  })
  async parentTarget(@Root() target: Target, @Ctx() context: PlansContext) {
    const plan = await context.loaders.planById.load(target.planId);
    if (!plan?.parentPlanId) return null;
    const candidates = (await context.loaders.targetsByPlan.load(plan.parentPlanId)).filter(
      (t) => t.indicatorCode === target.indicatorCode && t.sex === target.sex && t.period >= target.period,
    );
    // The parent's target of the nearest area above: its own area's unless it set one for this target's area.
    const ranked = candidates.sort(
      (a, b) => Number(b.areaCode === target.areaCode) - Number(a.areaCode === target.areaCode) || a.period.localeCompare(b.period),
    );
    return ranked[0] ?? null;
  }
}
