import { Arg, Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import type { AreaRecord } from "@vnge/shared";
import type { IndicatorsContext } from "../context";
import { IndicatorValue } from "../indicator-value/indicator-value.type";
import { Area } from "./area.type";

@Resolver(() => Area)
export class AreaIndicatorValuesResolver {
  @FieldResolver(() => [IndicatorValue], {
    description: "Indicators at this area, one value per indicator x period; periods of another hierarchy version are carried over to this area's version.",
  })
  indicatorValues(
    @Root() area: AreaRecord,
    @Arg("indicatorCodes", () => [ID]) indicatorCodes: string[],
    @Arg("periods", () => [String]) periods: string[],
    @Ctx() context: IndicatorsContext,
  ) {
    return context.indicatorValueService.forArea(area.code, area.hierarchyCode, indicatorCodes, periods);
  }
}
