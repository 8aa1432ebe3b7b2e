import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { IndicatorsContext } from "../context";
import { IndicatorValue } from "../indicator-value/indicator-value.type";
import { Indicator, IndicatorTerm } from "./indicator.type";

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => [Indicator], { description: "Every indicator of the catalogue (national and local), ordered by code." })
  indicators(
    @Arg("includeRetired", () => Boolean, { defaultValue: false, description: "Also list retired indicators." }) includeRetired: boolean,
    @Ctx() context: IndicatorsContext,
  ) {
    return context.indicatorStore.findAll(includeRetired);
  }

  @FieldResolver(() => Boolean, { description: "A retired indicator keeps its values and targets readable but is no longer listed." })
  retired(@Root() indicator: Indicator): boolean {
    return indicator.retiredAt !== null;
  }

  @Query(() => Indicator, { nullable: true, description: "One indicator by code; null when there is none." })
  indicator(@Arg("code", () => ID) code: string, @Ctx() context: IndicatorsContext) {
    return context.loaders.indicator.byCode.load(code);
  }

  @FieldResolver(() => IndicatorTerm)
  async numerator(@Root() indicator: Indicator, @Ctx() context: IndicatorsContext): Promise<IndicatorTerm> {
    return { dataElement: (await context.loaders.dataElement.byCode.load(indicator.numeratorElementCode))!, sex: indicator.numeratorSex };
  }

  @FieldResolver(() => IndicatorTerm, { nullable: true, description: "Null for an indicator that is a plain sum of its numerator." })
  async denominator(@Root() indicator: Indicator, @Ctx() context: IndicatorsContext): Promise<IndicatorTerm | null> {
    if (!indicator.denominatorElementCode) return null;
    return { dataElement: (await context.loaders.dataElement.byCode.load(indicator.denominatorElementCode))!, sex: indicator.denominatorSex };
  }

  @FieldResolver(() => IndicatorValue, { description: "This indicator at one area for one period." })
  value(
    @Root() indicator: Indicator,
    @Arg("areaCode", () => ID) areaCode: string,
    @Arg("period", () => String) period: string,
    @Arg("hierarchy", () => String, { nullable: true, description: "The version areaCode belongs to; by default the one the period's data were reported on." })
    hierarchy: string | undefined,
    @Ctx() context: IndicatorsContext,
  ) {
    return context.indicatorValueService.forIndicator(indicator.code, areaCode, period, hierarchy ?? undefined);
  }
}
