import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Target } from "../target/target.type";

/**
 * The targets beneath an area at one period, filtered by progress through the query plan: the gateway
 * fetches each candidate's actual value from the indicators subgraph and hands them back for the filter
 * (docs/decisions/0022-off-track-through-the-query-plan.md).
 */
@Directive('@key(fields: "id")')
@ObjectType()
export class TargetsOffTrack {
  @Field(() => ID, { description: '"<parentCode>:<level or ALL>:<period>".' })
  id!: string;

  @Field(() => [Target], { description: "Every target beneath the area at the period, in a fixed order." })
  candidates!: Target[];
}
