import { Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { ForbiddenError } from "@vnge/shared";
import { areaKey } from "../area/area.store";
import type { IndicatorsContext } from "../context";
import { IndicatorValue } from "../indicator-value/indicator-value.type";
import { OffTrackCandidates } from "./off-track.type";
import { TargetValueKey } from "./target.type";

/**
 * The indicator rolled up at a target's area for its assessed period; null for an unknown indicator or area.
 * The area is of its plan's version (a target keeps its plan's codes); a year of a later version is carried
 * back onto it through the crosswalk, approximate where shares came in (decision 0099).
 */
async function actualOf(target: TargetValueKey, context: IndicatorsContext): Promise<IndicatorValue | null> {
  const hierarchy = target.areaHierarchy ?? (await context.areas.timeline()).forPeriod(target.assessedPeriod).code;
  if (!(await context.scope.contains(target.areaCode, hierarchy))) {
    throw new ForbiddenError(`You may not see indicator values for area ${target.areaCode}: outside your assigned areas`, { areaCodes: [target.areaCode] });
  }
  const [indicator, area] = await Promise.all([
    context.loaders.indicator.byCode.load(target.indicatorCode),
    context.loaders.area.byKey.load(areaKey(hierarchy, target.areaCode)),
  ]);
  if (!indicator || !area) return null;
  return context.indicatorValueService.forIndicator(target.indicatorCode, target.areaCode, target.assessedPeriod, hierarchy);
}

@Resolver(() => OffTrackCandidates)
export class OffTrackActualsResolver {
  @Directive('@requires(fields: "candidates { indicatorCode areaCode assessedPeriod areaHierarchy }")')
  @FieldResolver(() => [IndicatorValue], {
    nullable: "items",
    description:
      "Each candidate's actual value, in the candidates' order (what the off-track filter judges). Statistics: FORBIDDEN outside the caller's areas.",
  })
  actuals(@Root() root: OffTrackCandidates, @Ctx() context: IndicatorsContext): Promise<(IndicatorValue | null)[]> {
    // One batch: the value loader computes every candidate's value together.
    return Promise.all(root.candidates.map((candidate) => actualOf(candidate, context)));
  }
}

export function resolveOffTrackCandidates(reference: OffTrackCandidates): OffTrackCandidates {
  return { id: reference.id, candidates: reference.candidates ?? [] };
}

@Resolver(() => TargetValueKey)
export class TargetActualResolver {
  @Directive('@requires(fields: "indicatorCode areaCode assessedPeriod areaHierarchy")')
  @FieldResolver(() => IndicatorValue, {
    nullable: true,
    description:
      "The indicator rolled up at the target's area for its assessed period; null for an indicator or area the catalogue does not know. " +
      "Statistics: FORBIDDEN outside the caller's areas.",
  })
  actual(@Root() target: TargetValueKey, @Ctx() context: IndicatorsContext): Promise<IndicatorValue | null> {
    return actualOf(target, context);
  }
}

export function resolveTargetValueKey(reference: TargetValueKey): TargetValueKey {
  return {
    id: reference.id,
    indicatorCode: reference.indicatorCode,
    areaCode: reference.areaCode,
    assessedPeriod: reference.assessedPeriod,
    areaHierarchy: reference.areaHierarchy,
  };
}
