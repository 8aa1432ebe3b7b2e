import { Field, Float, ID, InputType } from "type-graphql";
import { DataValueStatus, Sex } from "../data-element/data-element.enums";

@InputType({ description: "One reported figure; (dataElementCode, areaCode, period, sex) identifies it." })
export class DataValueInput {
  @Field(() => ID)
  dataElementCode!: string;

  @Field(() => ID, { description: "An area at the data element's collection level." })
  areaCode!: string;

  @Field(() => String, { description: '"2023" (year), "2023Q1" (quarter) or "202301" (month).' })
  period!: string;

  @Field(() => Sex, { nullable: true, description: "Required for an element disaggregated by sex; must be empty otherwise." })
  sex?: Sex | null;

  @Field(() => Float, { description: "A whole number >= 0 for a COUNT element." })
  value!: number;

  @Field(() => String, { nullable: true })
  comment?: string | null;

  @Field(() => DataValueStatus, { nullable: true, description: "FINAL when omitted." })
  status?: DataValueStatus | null;
}

@InputType()
export class SubmitDataValuesInput {
  @Field(() => [DataValueInput], { description: "At most 50,000 values per batch." })
  values!: DataValueInput[];

  @Field(() => Boolean, { nullable: true, description: "Validate and count what would change, without writing." })
  dryRun?: boolean | null;
}
