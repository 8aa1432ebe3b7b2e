import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Area } from "../area/area.type";
import { ActivityChannel, ActivityKind, MaterialType, TargetGroup } from "./activity.enums";

@ObjectType("PeopleBySex", { description: "People counted by sex." })
export class SexCounts {
  @Field(() => Int)
  male!: number;

  @Field(() => Int)
  female!: number;

  @Field(() => Int, { description: "male + female." })
  total!: number;
}

export const sexCounts = (male: number, female: number): SexCounts => ({ male, female, total: male + female });

@ObjectType({ description: "How many of one kind of material an activity produced." })
export class MaterialCount {
  @Field(() => MaterialType)
  type!: MaterialType;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: "One communication activity held in an area: a broadcast, an event, a training course, a talk..." })
export class Activity {
  @Field(() => ID)
  id!: string;

  /** Resolved through the campaign loader; null for an activity outside any campaign. */
  campaignCode!: string | null;

  @Field(() => Area, { description: "Where the activity took place." })
  area!: Area;

  @Field(() => ActivityKind)
  kind!: ActivityKind;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: "First day (YYYY-MM-DD)." })
  startDate!: string;

  @Field(() => String, { description: "Last day (YYYY-MM-DD); the first day for a one-day activity." })
  endDate!: string;

  @Field(() => String, { description: "The month the activity is counted in (YYYYMM): the month of its first day." })
  month!: string;

  @Field(() => ActivityChannel, { nullable: true })
  channel!: ActivityChannel | null;

  @Field(() => String, { nullable: true, description: "The agency that organised it." })
  organiser!: string | null;

  @Field(() => [TargetGroup])
  targetGroups!: TargetGroup[];

  @Field(() => SexCounts, { description: "People reached." })
  reached!: SexCounts;

  @Field(() => SexCounts, { nullable: true, description: "Training courses only: the participants." })
  participants!: SexCounts | null;

  @Field(() => SexCounts, { nullable: true, description: "Training courses only: the participants who are officials." })
  officials!: SexCounts | null;

  @Field(() => [MaterialCount])
  materials!: MaterialCount[];

  @Field(() => Float, { nullable: true, description: "Cost in Vietnamese dong." })
  cost!: number | null;

  @Field(() => String, { description: "Subject of the verified caller who recorded it." })
  recordedBy!: string;

  @Field(() => String, { description: "When it was recorded (ISO 8601)." })
  recordedAt!: string;
}

@ObjectType({ description: "Why one row of a batch was refused." })
export class ActivityImportConflict {
  @Field(() => Int, { description: "Position of the row in the submitted activities (from 0)." })
  index!: number;

  @Field(() => String, { nullable: true, description: "The input field at fault; null when the row as a whole is." })
  field!: string | null;

  @Field(() => String)
  message!: string;
}

@ObjectType({
  description: "What a batch of activities did (or, in a dry run, would do). All or nothing by default: a batch with any conflict writes nothing.",
})
export class ActivityImportSummary {
  @Field(() => Int, { description: "Activities recorded (in a dry run: that would be)." })
  imported!: number;

  @Field(() => Int, { description: "Rows refused (each with at least one conflict)." })
  rejected!: number;

  @Field(() => [ActivityImportConflict])
  conflicts!: ActivityImportConflict[];

  @Field(() => [Activity], { description: "The activities recorded, in the order submitted (empty in a dry run)." })
  activities!: Activity[];

  @Field(() => Boolean, {
    description:
      "Whether the indicator engine received the updated aggregates; false means they are refreshed by the next write or resyncCommunicationIndicators.",
  })
  indicatorsUpdated!: boolean;
}
