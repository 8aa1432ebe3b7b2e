import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { IndicatorsContext } from "../context";
import { AreaLevel } from "./area-level.enum";
import { Area } from "./area.type";

@Resolver(() => Area)
export class AreaResolver {
  @Query(() => Area, { nullable: true, description: "One area by its GSO code; null when no such area exists." })
  area(@Arg("code", () => ID) code: string, @Ctx() context: IndicatorsContext) {
    return context.loaders.area.byCode.load(code);
  }

  @Query(() => [Area], { description: "All areas at a level, optionally only those beneath one area." })
  async areas(
    @Arg("level", () => AreaLevel) level: AreaLevel,
    @Arg("within", () => ID, { nullable: true }) within: string | undefined,
    @Ctx() context: IndicatorsContext,
  ) {
    const areas = await context.areaStore.findByLevel(level, within);
    // Later lookups of these areas in the same request (e.g. by indicator values) need no query.
    for (const area of areas) context.loaders.area.byCode.prime(area.code, area);
    return areas;
  }

  @FieldResolver(() => Area, { nullable: true, description: "The area one level up; null for the nation." })
  parent(@Root() area: Area, @Ctx() context: IndicatorsContext) {
    return area.parentCode ? context.loaders.area.byCode.load(area.parentCode) : null;
  }

  @FieldResolver(() => [Area], { description: "The areas one level down, ordered by code." })
  children(@Root() area: Area, @Ctx() context: IndicatorsContext) {
    return context.loaders.area.childrenOf.load(area.code);
  }
}
