import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { AREA_ID_DESCRIPTION, type AreaRecord, PAGE_AFTER_DESCRIPTION, PAGE_FIRST_DESCRIPTION, areaId, checkPage, pageOf } from "@vnge/shared";
import type { IndicatorsContext } from "../context";
import { AreaLevel } from "./area.enums";
import { recordKey } from "./area.loader";
import { type AreaMappingRow, areaKey } from "./area.store";
import { Area, AreaMapping, Hierarchy } from "./area.type";

const HIERARCHY_ARG = 'Hierarchy version, e.g. "2025-03" or "2025-07"; the version in force today when omitted.';

/** The named version (checked), or the one in force today. */
export async function versionOrCurrent(context: IndicatorsContext, hierarchy: string | null | undefined): Promise<string> {
  const timeline = await context.areas.timeline();
  return hierarchy ? timeline.require(hierarchy).code : timeline.current().code;
}

@Resolver(() => Area)
export class AreaResolver {
  @Query(() => [Hierarchy], { description: "The versions of the administrative hierarchy, oldest first." })
  async hierarchies(@Ctx() context: IndicatorsContext): Promise<Hierarchy[]> {
    return [...(await context.areas.timeline()).versions];
  }

  @Query(() => Area, { nullable: true, description: "One area by its GSO code within a hierarchy version; null when no such area exists." })
  async area(
    @Arg("code", () => ID) code: string,
    @Arg("hierarchy", () => String, { nullable: true, description: HIERARCHY_ARG }) hierarchy: string | undefined,
    @Ctx() context: IndicatorsContext,
  ) {
    return context.loaders.area.byKey.load(areaKey(await versionOrCurrent(context, hierarchy), code));
  }

  @Query(() => [Area], {
    description:
      "All areas at a level of a hierarchy version, optionally only those beneath one area, ordered by code. " +
      "Pages: `first` (at most 1,000) and `after` (the last code of the previous page); a short page is the last.",
  })
  async areas(
    @Arg("level", () => AreaLevel) level: AreaLevel,
    @Arg("within", () => ID, { nullable: true }) within: string | undefined,
    @Arg("hierarchy", () => String, { nullable: true, description: HIERARCHY_ARG }) hierarchy: string | undefined,
    @Arg("first", () => Int, { nullable: true, description: PAGE_FIRST_DESCRIPTION }) first: number | undefined,
    @Arg("after", () => ID, { nullable: true, description: PAGE_AFTER_DESCRIPTION }) after: string | undefined,
    @Ctx() context: IndicatorsContext,
  ) {
    const page = { first, after };
    checkPage(page);
    const areas = await context.areaStore.findByLevel(level, within, await versionOrCurrent(context, hierarchy), page);
    // Later lookups of these areas in the same request (e.g. by indicator values) need no query.
    for (const area of areas) context.loaders.area.byKey.prime(recordKey(area), area);
    return areas;
  }

  // Every subgraph that returns areas makes the same id (shared/src/federation/entity-id.ts).
  @Directive("@shareable")
  @FieldResolver(() => ID, { description: AREA_ID_DESCRIPTION })
  id(@Root() area: AreaRecord): string {
    return areaId(area.hierarchyCode, area.code);
  }

  @FieldResolver(() => Area, { nullable: true, description: "The area one level up; null for the nation." })
  parent(@Root() area: AreaRecord, @Ctx() context: IndicatorsContext) {
    return area.parentCode ? context.loaders.area.byKey.load(areaKey(area.hierarchyCode, area.parentCode)) : null;
  }

  @FieldResolver(() => [Area], { description: "The areas one level down, ordered by code. Pages as for `areas` (`first` at most 1,000)." })
  async children(
    @Root() area: AreaRecord,
    @Arg("first", () => Int, { nullable: true, description: PAGE_FIRST_DESCRIPTION }) first: number | undefined,
    @Arg("after", () => ID, { nullable: true, description: PAGE_AFTER_DESCRIPTION }) after: string | undefined,
    @Ctx() context: IndicatorsContext,
  ) {
    // One batched read for every parent in the request; a parent has at most a few hundred children.
    return pageOf(await context.loaders.area.childrenOf.load(recordKey(area)), { first, after }, (child) => child.code);
  }

  @FieldResolver(() => [AreaMapping], { description: "The units of the next hierarchy version this one went into (empty when it was not reorganised)." })
  async successors(@Root() area: AreaRecord, @Ctx() context: IndicatorsContext): Promise<AreaMapping[]> {
    const rows = await context.loaders.area.successors.load(recordKey(area));
    return linked(context, rows, (row) => areaKey(row.toHierarchy, row.toCode));
  }

  @FieldResolver(() => [AreaMapping], { description: "The units of the previous hierarchy version that went into this one." })
  async predecessors(@Root() area: AreaRecord, @Ctx() context: IndicatorsContext): Promise<AreaMapping[]> {
    const rows = await context.loaders.area.predecessors.load(recordKey(area));
    return linked(context, rows, (row) => areaKey(row.fromHierarchy, row.fromCode));
  }
}

async function linked(context: IndicatorsContext, rows: AreaMappingRow[], other: (row: AreaMappingRow) => string): Promise<AreaMapping[]> {
  const areas = await context.loaders.area.byKey.loadMany(rows.map(other));
  return rows.flatMap((row, i) => {
    const area = areas[i];
    return area && !(area instanceof Error) ? [{ area: area as unknown as Area, kind: row.kind as AreaMapping["kind"] }] : [];
  });
}
