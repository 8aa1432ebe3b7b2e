import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ActualValue, Target } from "../target/target.type";

/**
 * The targets beneath an area at one period, filtered by progress through the query plan: the indicators
 * subgraph computes the candidates' actual values as one list (`actuals`) and the router hands it back for
 * the filter (docs/decisions/0022-progress-through-the-query-plan.md, 0091).
 */
@Directive('@key(fields: "id")')
@ObjectType()
export class TargetsOffTrack {
  @Field(() => ID, { description: '"<parentCode>:<level or ALL>:<period>".' })
  id!: string;

  @Field(() => [Target], { description: "Every target beneath the area at the period, in a fixed order." })
  candidates!: Target[];

  @Directive("@external")
  @Field(() => [ActualValue], { nullable: "items", description: "Each candidate's actual value, in the candidates' order (indicators subgraph)." })
  actuals?: (ActualValue | null)[];
}
