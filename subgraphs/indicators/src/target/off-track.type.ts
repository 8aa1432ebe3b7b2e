import { Directive, Field, ID, ObjectType } from "type-graphql";
import { TargetValueKey } from "./target.type";

/**
 * The plans subgraph's off-track filter. This subgraph hands it the candidates' actual values as one flat
 * list, required from the candidates' own key fields: a router then needs no entity fetches inside the
 * requirement of `targets` (decision 0091).
 */
@Directive('@key(fields: "id")')
@ObjectType("TargetsOffTrack")
export class OffTrackCandidates {
  @Field(() => ID)
  id!: string;

  @Directive("@external")
  @Field(() => [TargetValueKey])
  candidates!: TargetValueKey[];
}
