import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { PlansContext } from "../context";
import { Plan } from "../plan/plan.type";
import { Area } from "./area.type";

@Resolver(() => Area)
export class AreaPlansResolver {
  @FieldResolver(() => [Plan], { description: "Plans issued by this area, newest first." })
  plans(@Root() area: Area, @Ctx() context: PlansContext) {
    return context.loaders.plansByArea.load(area.code);
  }
}
