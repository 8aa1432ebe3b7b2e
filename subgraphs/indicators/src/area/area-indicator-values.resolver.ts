import { Arg, Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import type { IndicatorsContext } from "../context";
import { IndicatorValue } from "../indicator-value/indicator-value.type";
import { Area } from "./area.type";

@Resolver(() => Area)
export class AreaIndicatorValuesResolver {
  @FieldResolver(() => [IndicatorValue], { description: "Indicators at this area, one value per indicator x period." })
  indicatorValues(
    @Root() area: Area,
    @Arg("indicatorCodes", () => [ID]) indicatorCodes: string[],
    @Arg("periods", () => [String]) periods: string[],
    @Ctx() context: IndicatorsContext,
  ) {
    return context.indicatorValueService.forArea(area.code, indicatorCodes, periods);
  }
}
