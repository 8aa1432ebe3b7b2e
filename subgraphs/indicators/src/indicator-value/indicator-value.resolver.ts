import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { MAX_PAGE_SIZE, indicatorValueId } from "@vnge/shared";
import { AreaLevel } from "../area/area.enums";
import { DataValueStatus } from "../data-element/data-element.enums";
import type { IndicatorsContext } from "../context";
import { IndicatorValue } from "./indicator-value.type";

@Resolver(() => IndicatorValue)
export class IndicatorValueResolver {
  @FieldResolver(() => ID, {
    description:
      'Stable id for client caches: "<indicator>:<hierarchy>:<area>:<period>", e.g. "SEX_RATIO_AT_BIRTH:2025-03:38:2023". ' +
      "The same value asked through rollup, Indicator.value or Area.indicatorValues has the same id.",
  })
  id(@Root() value: IndicatorValue): string {
    return indicatorValueId(value.indicator.code, value.hierarchy, value.area.code, value.period);
  }

  @FieldResolver(() => DataValueStatus, {
    nullable: true,
    description:
      "The least final status of the stored values the value is computed from, at the area and beneath it: ESTIMATED when any is estimated, " +
      "else PROVISIONAL when any is provisional, else FINAL. Null when the value has no figure for the caller (no data, withheld or suppressed).",
  })
  async status(@Root() value: IndicatorValue, @Ctx() context: IndicatorsContext): Promise<DataValueStatus | null> {
    return (await context.indicatorValueService.provenance(value))?.status ?? null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "When the latest of the stored values the value is computed from was submitted (ISO 8601); null when the value has no figure for the caller.",
  })
  async updatedAt(@Root() value: IndicatorValue, @Ctx() context: IndicatorsContext): Promise<string | null> {
    return (await context.indicatorValueService.provenance(value))?.updatedAt.toISOString() ?? null;
  }

  @Query(() => [IndicatorValue], {
    description:
      "One value per indicator x period x area, for the areas at `level` beneath `parentCode` (or parentCode itself when level is omitted). " +
      "At most 100 indicators and 20 periods; periods are in the format the values were stored in. One time series may cross a hierarchy reform: see `hierarchy`. " +
      "At most 50,000 values per request: ask a level's areas in pages (`first` areas after the area `after`, ordered by code), e.g. the 10,035 communes " +
      "of the nation 1,000 at a time.",
  })
  rollup(
    @Arg("indicatorCodes", () => [ID]) indicatorCodes: string[],
    @Arg("periods", () => [String]) periods: string[],
    @Arg("parentCode", () => ID) parentCode: string,
    @Arg("level", () => AreaLevel, { nullable: true }) level: AreaLevel | undefined,
    @Arg("hierarchy", () => String, {
      nullable: true,
      description:
        'The hierarchy version to express the values on (e.g. "2025-07"); parentCode is a code of it. Periods reported on another version ' +
        "are carried over through the mapping. Defaults to the version the latest period's data belong to.",
    })
    hierarchy: string | undefined,
    @Arg("first", () => Int, {
      nullable: true,
      description: `The values of at most this many areas (1-${MAX_PAGE_SIZE.toLocaleString("en")}); all of them when omitted.`,
    })
    first: number | undefined,
    @Arg("after", () => ID, { nullable: true, description: "The areas after this one: the code of the last area of the previous page." })
    after: string | undefined,
    @Ctx() context: IndicatorsContext,
  ) {
    return context.indicatorValueService.rollup(indicatorCodes, periods, parentCode, level ?? undefined, hierarchy ?? undefined, { first, after });
  }
}
