import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * The plans subgraph's Target entity, seen by the key this subgraph resolves it by: what an actual
 * value is for. This subgraph adds `actual` (docs/decisions/0022-off-track-through-the-query-plan.md).
 */
@Directive('@key(fields: "indicatorCode areaCode assessedPeriod")')
@ObjectType("Target")
export class TargetValueKey {
  @Field(() => ID)
  indicatorCode!: string;

  @Field(() => ID)
  areaCode!: string;

  @Field(() => String)
  assessedPeriod!: string;
}
