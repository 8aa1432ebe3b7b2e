import { Arg, Authorized, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Role } from "@vnge/shared";
import type { PlansContext } from "../context";
import { Plan } from "../plan/plan.type";
import { parseTargetAssessmentId, targetAssessmentId } from "./target-id";
import { TargetInput } from "./target.input";
import { Target, TargetProgress } from "./target.type";

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

  @Directive('@requires(fields: "actual { total male female }")')
  @FieldResolver(() => TargetProgress, {
    nullable: true,
    description:
      "Status and gap at the assessed period, from the actual value (docs/decisions/0021-target-progress.md). Statistics: FORBIDDEN outside the caller's areas.",
  })
  progress(@Root() target: Target, @Ctx() context: PlansContext) {
    return context.targetService.progress(target);
  }

  @Authorized(Role.ADMIN, Role.DATA_ENTRY)
  @Mutation(() => [Target], { description: "Adds targets to a plan: all of them or, on any problem, none." })
  addTargets(@Arg("planId", () => ID) planId: string, @Arg("targets", () => [TargetInput]) targets: TargetInput[], @Ctx() context: PlansContext) {
    return context.planService.addTargets(planId, targets, context.scope);
  }
}
