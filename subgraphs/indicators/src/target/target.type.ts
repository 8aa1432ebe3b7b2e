import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * The plans subgraph's Target entity, by the same key as there (decision 0091). This subgraph adds
 * `actual`, required from what an actual value is for (docs/decisions/0022-progress-through-the-query-plan.md).
 */
@Directive('@key(fields: "id")')
@ObjectType("Target")
export class TargetValueKey {
  @Field(() => ID)
  id!: string;

  @Directive("@external")
  @Field(() => ID)
  indicatorCode!: string;

  @Directive("@external")
  @Field(() => ID)
  areaCode!: string;

  @Directive("@external")
  @Field(() => String)
  assessedPeriod!: string;

  /** The version of the target's area (its plan's): the actual value is expressed on it (decision 0099). */
  @Directive("@external")
  @Field(() => String)
  areaHierarchy?: string;
}
