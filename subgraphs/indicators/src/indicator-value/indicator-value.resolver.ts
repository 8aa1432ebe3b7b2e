import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { AreaLevel } from "../area/area-level.enum";
import type { IndicatorsContext } from "../context";
import { IndicatorValue } from "./indicator-value.type";

@Resolver(() => IndicatorValue)
export class IndicatorValueResolver {
  @Query(() => [IndicatorValue], {
    description:
      "One value per indicator x period x area, for the areas at `level` beneath `parentCode` (or parentCode itself when level is omitted). " +
      "At most 100 indicators and 20 periods; periods are in the format the values were stored in.",
  })
  rollup(
    @Arg("indicatorCodes", () => [ID]) indicatorCodes: string[],
    @Arg("periods", () => [String]) periods: string[],
    @Arg("parentCode", () => ID) parentCode: string,
    @Arg("level", () => AreaLevel, { nullable: true }) level: AreaLevel | undefined,
    @Ctx() context: IndicatorsContext,
  ) {
    return context.indicatorValueService.rollup(indicatorCodes, periods, parentCode, level ?? undefined);
  }
}
