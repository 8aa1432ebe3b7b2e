import { Field, Float, Int, ObjectType } from "type-graphql";
import { DataValueStatus } from "../data-element/data-element.enums";

@ObjectType({ description: "Why one row of a batch was refused." })
export class ImportConflict {
  @Field(() => Int, { description: "Position of the row in the submitted values (from 0)." })
  index!: number;

  @Field(() => String, { nullable: true, description: "The input field at fault; null when the row as a whole is (a duplicate)." })
  field!: string | null;

  @Field(() => String)
  message!: string;
}

@ObjectType({ description: "What a batch did (or, in a dry run, would do). A batch with any conflict writes nothing." })
export class ImportSummary {
  @Field(() => Int, { description: "Values stored for the first time." })
  imported!: number;

  @Field(() => Int, { description: "Stored values whose value, status or comment changed." })
  updated!: number;

  @Field(() => Int, { description: "Values submitted exactly as already stored." })
  unchanged!: number;

  @Field(() => Int, { description: "Rows refused (each with at least one conflict)." })
  rejected!: number;

  @Field(() => [ImportConflict])
  conflicts!: ImportConflict[];
}

@ObjectType({ description: "One change to a stored value, the first submission included (with no old value)." })
export class DataValueChange {
  @Field(() => Int, { description: "Its place in the value's history, from 1 (the first submission): the cursor of the history's pages." })
  sequence!: number;

  @Field(() => Float, { nullable: true })
  oldValue!: number | null;

  @Field(() => Float, { nullable: true, description: "Null when the value is suppressed or withheld from this caller." })
  newValue!: number | null;

  @Field(() => Boolean, {
    description: "True when the element is derived from case records and this caller sees its values only suppressed: the values are then null.",
  })
  suppressed!: boolean;

  @Field(() => Boolean, {
    description: "True when the data are not yet approved and this caller (a partner) sees approved data only: the values are then null.",
  })
  withheld!: boolean;

  @Field(() => DataValueStatus, { nullable: true })
  oldStatus!: DataValueStatus | null;

  @Field(() => DataValueStatus)
  newStatus!: DataValueStatus;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => String, { description: 'Subject of the verified caller who submitted the change (a user, "api-key:..." or "service:...").' })
  changedBy!: string;

  @Field(() => String, { description: "When, as an ISO 8601 timestamp." })
  changedAt!: string;
}
