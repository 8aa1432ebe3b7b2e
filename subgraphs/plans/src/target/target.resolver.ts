import { Arg, Authorized, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Role } from "@vnge/shared";
import type { PlansContext } from "../context";
import { Plan } from "../plan/plan.type";
import { TargetInput } from "./target.input";
import { Target, TargetProgress } from "./target.type";

@Resolver(() => Target)
export class TargetResolver {
  @Authorized()
  @Query(() => Target, { nullable: true, description: "One target, assessed at its own period." })
  target(@Arg("id", () => ID) id: string, @Ctx() context: PlansContext) {
    return context.loaders.targetById.load(id);
  }

  @FieldResolver(() => Plan)
  async plan(@Root() target: Target, @Ctx() context: PlansContext) {
    return context.loaders.planById.load(target.planId);
  }

  @Directive('@requires(fields: "actual { total male female }")')
  @FieldResolver(() => TargetProgress, {
    nullable: true,
    description: "Status and gap at the assessed period, from the actual value (docs/decisions/0021-target-progress.md). Statistics: FORBIDDEN outside the caller's areas.",
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
