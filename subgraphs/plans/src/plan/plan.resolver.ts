import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { PlansContext } from "../context";
import { Plan } from "./plan.type";

@Resolver(() => Plan)
export class PlanResolver {
  @Query(() => Plan, { nullable: true })
  plan(@Arg("id", () => ID) id: string, @Ctx() context: PlansContext) {
    return context.loaders.planById.load(id);
  }

  @Query(() => [Plan], { description: "Plans issued by one area, newest first." })
  plans(@Arg("areaCode", () => ID) areaCode: string, @Ctx() context: PlansContext) {
    return context.loaders.plansByArea.load(areaCode);
  }
}
