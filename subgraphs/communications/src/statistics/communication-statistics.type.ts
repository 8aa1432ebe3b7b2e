import { Field, Float, Int, ObjectType } from "type-graphql";
import { Area } from "../area/area.type";
import { ActivityKind } from "../activity/activity.enums";
import { SexCounts } from "../activity/activity.type";

@ObjectType({ description: "Activities of one kind and the people they reached." })
export class ActivityKindStatistics {
  @Field(() => ActivityKind)
  kind!: ActivityKind;

  @Field(() => Int)
  activities!: number;

  @Field(() => SexCounts)
  reached!: SexCounts;
}

@ObjectType({ description: "Communication work at an area and everything beneath it in a period (activities counted in the month they start)." })
export class CommunicationStatistics {
  @Field(() => String)
  period!: string;

  @Field(() => Int)
  activities!: number;

  @Field(() => SexCounts, { description: "People reached, summed over the activities (a person reached twice counts twice)." })
  reached!: SexCounts;

  @Field(() => SexCounts, { description: "Participants of training courses." })
  trainingParticipants!: SexCounts;

  @Field(() => SexCounts, { description: "Officials among the participants of training courses." })
  officialsTrained!: SexCounts;

  @Field(() => [ActivityKindStatistics], { description: "Only the kinds with at least one activity, in the order of ActivityKind." })
  byKind!: ActivityKindStatistics[];

  @Field(() => Float, { nullable: true, description: "Total cost in Vietnamese dong of the activities that recorded one." })
  cost!: number | null;
}

@ObjectType({ description: "A commune and the broadcasts it held in a month." })
export class CommuneBroadcasts {
  @Field(() => Area)
  area!: Area;

  @Field(() => Int)
  broadcasts!: number;
}
