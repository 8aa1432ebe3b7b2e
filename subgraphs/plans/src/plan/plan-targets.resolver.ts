import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { PlansContext } from "../context";
import { ReportingDeadline } from "../deadline/deadline.type";
import { Target } from "../target/target.type";
import { Plan } from "./plan.type";

@Resolver(() => Plan)
export class PlanTargetsResolver {
  @FieldResolver(() => [Target], { description: "The plan's targets, each assessed at its own period." })
  targets(@Root() plan: Plan, @Ctx() context: PlansContext) {
    return context.loaders.targetsByPlan.load(plan.id);
  }

  @FieldResolver(() => [ReportingDeadline], { description: "Reports the plan requires, by due date." })
  deadlines(@Root() plan: Plan, @Ctx() context: PlansContext) {
    return context.loaders.deadlinesByPlan.load(plan.id);
  }
}
