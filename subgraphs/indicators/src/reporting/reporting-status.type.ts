import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { AreaLevel } from "../area/area.enums";
import { ApprovalState } from "../data-approval/data-approval.enums";

export enum Timeliness {
  ON_TIME = "ON_TIME",
  LATE = "LATE",
  MISSING = "MISSING",
  PENDING = "PENDING",
}

registerEnumType(Timeliness, {
  name: "Timeliness",
  description:
    "ON_TIME: reported by the deadline; LATE: after it; MISSING: not reported and the deadline has passed; PENDING: not reported yet, deadline ahead (or none set).",
});

@ObjectType({ description: "One area expected to report a data set for a period." })
export class AreaReport {
  @Field(() => ID)
  areaCode!: string;

  @Field(() => String)
  areaName!: string;

  @Field(() => ApprovalState, { description: "Where the data set stands at this area." })
  approvalState!: ApprovalState;

  @Field(() => Boolean, { description: "Reported: submitted (the reporting level) or approved (the levels above)." })
  received!: boolean;

  @Field(() => String, { nullable: true, description: "When it last reported (ISO 8601); null when not reported." })
  reportedAt!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Who reported it: the subject that submitted or approved it at reportedAt; null when not reported.",
  })
  reportedBy!: string | null;

  @Field(() => String, { nullable: true, description: "This area's deadline (its province's own day, or the national one), ISO 8601." })
  deadline!: string | null;

  @Field(() => Timeliness)
  timeliness!: Timeliness;
}

@ObjectType({ description: "Completeness and timeliness of a data set for the areas at one level beneath an area." })
export class ReportingStatus {
  @Field(() => ID)
  dataSetCode!: string;

  @Field(() => String)
  period!: string;

  @Field(() => ID)
  parentCode!: string;

  @Field(() => AreaLevel)
  level!: AreaLevel;

  @Field(() => String, {
    nullable: true,
    description:
      "The level's deadline beneath parentCode (end of the day, Vietnam time, as ISO 8601): the province's own day within a province that set one, else the national day; null when none is set. Each area says its own.",
  })
  deadline!: string | null;

  @Field(() => String, { description: "The moment timeliness was judged at (ISO 8601)." })
  asOf!: string;

  @Field(() => Int, { description: "Areas that must report." })
  expected!: number;

  @Field(() => Int)
  received!: number;

  @Field(() => Int)
  onTime!: number;

  @Field(() => Int)
  late!: number;

  @Field(() => Int)
  missing!: number;

  @Field(() => [AreaReport], { description: "Each area expected, ordered by code." })
  areas!: AreaReport[];
}
