import { Field, Float, ID, InputType, Int } from "type-graphql";
import { ActivityChannel, ActivityKind, MaterialType, TargetGroup } from "./activity.enums";

@InputType()
export class MaterialCountInput {
  @Field(() => MaterialType)
  type!: MaterialType;

  @Field(() => Int, { description: "A whole number >= 0." })
  count!: number;
}

@InputType({ description: "One activity. Counts are whole numbers >= 0; dates are YYYY-MM-DD." })
export class ActivityInput {
  @Field(() => ID, { nullable: true, description: "The campaign it belongs to; its dates must lie within the campaign's." })
  campaignCode?: string | null;

  @Field(() => ID, { description: "Where it took place: within the caller's areas (and the campaign's areas)." })
  areaCode!: string;

  @Field(() => ActivityKind)
  kind!: ActivityKind;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  startDate!: string;

  @Field(() => String, { nullable: true, description: "The start date when omitted." })
  endDate?: string | null;

  @Field(() => ActivityChannel, { nullable: true })
  channel?: ActivityChannel | null;

  @Field(() => String, { nullable: true })
  organiser?: string | null;

  @Field(() => [TargetGroup], { nullable: true })
  targetGroups?: TargetGroup[] | null;

  @Field(() => Int, { nullable: true, description: "Men and boys reached; 0 when omitted." })
  reachedMale?: number | null;

  @Field(() => Int, { nullable: true, description: "Women and girls reached; 0 when omitted." })
  reachedFemale?: number | null;

  @Field(() => Int, { nullable: true, description: "Training courses only." })
  participantsMale?: number | null;

  @Field(() => Int, { nullable: true, description: "Training courses only." })
  participantsFemale?: number | null;

  @Field(() => Int, { nullable: true, description: "Training courses only: male participants who are officials." })
  officialsMale?: number | null;

  @Field(() => Int, { nullable: true, description: "Training courses only: female participants who are officials." })
  officialsFemale?: number | null;

  @Field(() => [MaterialCountInput], { nullable: true })
  materials?: MaterialCountInput[] | null;

  @Field(() => Float, { nullable: true, description: "Cost in Vietnamese dong." })
  cost?: number | null;
}

@InputType()
export class RecordActivitiesInput {
  @Field(() => [ActivityInput], { description: "At most 5,000 activities per call." })
  activities!: ActivityInput[];

  @Field(() => Boolean, { nullable: true, description: "Validate only, write nothing." })
  dryRun?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true (the default): any refused row writes nothing. false: the valid rows are recorded and the others reported.",
  })
  allOrNothing?: boolean | null;
}
