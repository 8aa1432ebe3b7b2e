import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { PlansContext } from "../context";
import { Target } from "../target/target.type";
import { Area } from "./area.type";

@Resolver(() => Area)
export class AreaTargetsResolver {
  @FieldResolver(() => [Target], {
    description:
      "Targets of the plans this area issued. With a period (a year): those due that year and multi-year targets running through it, assessed at it.",
  })
  targets(@Root() area: Area, @Arg("period", () => String, { nullable: true }) period: string | undefined, @Ctx() context: PlansContext) {
    return context.targetService.atArea(area.code, period ?? undefined);
  }
}
