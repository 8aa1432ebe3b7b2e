import { Arg, Authorized, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { BadUserInputError } from "@vnge/shared";
import type { PlansContext } from "../context";
import { AreaLevel } from "../target/target.enums";
import { planStartYear } from "../target/target.resolver";
import { Target } from "../target/target.type";
import { TargetsOffTrack } from "./off-track.type";

export interface OffTrackKey {
  parentCode: string;
  level: AreaLevel | undefined;
  period: string;
}

export const offTrackId = (key: OffTrackKey) => `${key.parentCode}:${key.level ?? "ALL"}:${key.period}`;

export function parseOffTrackId(id: string): OffTrackKey {
  const [parentCode, level, period] = id.split(":");
  if (!parentCode || !period || !(level === "ALL" || level in AreaLevel)) throw new BadUserInputError(`malformed off-track id "${id}"`);
  return { parentCode, level: level === "ALL" ? undefined : (level as AreaLevel), period };
}

type OffTrackRoot = TargetsOffTrack;

@Resolver(() => TargetsOffTrack)
export class OffTrackResolver {
  @Authorized()
  @Query(() => TargetsOffTrack, {
    description:
      "Targets of plans issued at or beneath an area (at `level` only, when given) that are AT_RISK or OFF_TRACK at `period` (a year): " +
      "those due that year and multi-year targets running through it. Statistics: the area must be in the caller's areas.",
  })
  async targetsOffTrack(
    @Arg("parentCode", () => ID) parentCode: string,
    @Arg("period", () => String) period: string,
    @Arg("level", () => AreaLevel, { nullable: true }) level: AreaLevel | undefined,
    @Ctx() context: PlansContext,
  ): Promise<TargetsOffTrack> {
    const key = { parentCode, level: level ?? undefined, period };
    return { id: offTrackId(key), candidates: await context.targetService.beneath(key.parentCode, key.level, key.period) };
  }

  @Directive('@requires(fields: "actuals { total male female period approximate }")')
  @FieldResolver(() => [Target], { description: "The candidates at risk or off track." })
  targets(@Root() root: OffTrackRoot, @Ctx() context: PlansContext) {
    const key = parseOffTrackId(root.id);
    return context.targetService.offTrack(key.parentCode, key.level, key.period, root.actuals ?? [], planStartYear(context));
  }
}

export async function resolveOffTrackReference(reference: OffTrackRoot, context: PlansContext): Promise<OffTrackRoot> {
  const key = parseOffTrackId(reference.id);
  await context.scope.assertContains([key.parentCode], "see target progress");
  return reference;
}
