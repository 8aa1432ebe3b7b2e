import { Field, ID, ObjectType } from "type-graphql";
import { AreaLevel } from "../area/area.enums";
import { ApprovalAction, ApprovalState } from "./data-approval.enums";

@ObjectType({ description: "One transition of a data set's approval for an area and period." })
export class DataApprovalEvent {
  @Field(() => ApprovalAction)
  action!: ApprovalAction;

  @Field(() => ApprovalState)
  fromState!: ApprovalState;

  @Field(() => ApprovalState)
  toState!: ApprovalState;

  @Field(() => String, { description: "Subject of the verified caller who made the transition." })
  actor!: string;

  @Field(() => String, { nullable: true, description: "Why (required for RETURN)." })
  reason!: string | null;

  @Field(() => String, { description: "When, as an ISO 8601 timestamp." })
  at!: string;
}

@ObjectType({ description: "Where a data set stands for one area and period." })
export class DataApprovalStatus {
  @Field(() => ID)
  dataSetCode!: string;

  @Field(() => ID)
  areaCode!: string;

  @Field(() => String)
  period!: string;

  @Field(() => ApprovalState)
  state!: ApprovalState;

  @Field(() => ID, { nullable: true, description: "The area (this one or an ancestor) whose approval locks the values here; null when unlocked." })
  lockedBy!: string | null;

  @Field(() => [DataApprovalEvent], { description: "Every transition at this area, oldest first." })
  events!: DataApprovalEvent[];
}

@ObjectType({ description: "A group of data elements reported, approved and locked together." })
export class DataSet {
  @Field(() => ID)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  nameVi!: string;

  @Field(() => AreaLevel, { description: "The level that reports the set; the levels above approve it." })
  collectionLevel!: AreaLevel;

  @Field(() => AreaLevel, {
    nullable: true,
    description: "For a DISTRICT set: the level reporting it in a hierarchy version without districts (2025-07 on), as its elements; null: PROVINCE.",
  })
  collectionLevelWithoutDistricts!: AreaLevel | null;

  @Field(() => [String], { description: "Codes of the data elements in the set." })
  dataElementCodes!: string[];

  @Field(() => String, { description: "VN for a national data set; otherwise the area whose local data set it is (decision 0084)." })
  owner!: string;
}
