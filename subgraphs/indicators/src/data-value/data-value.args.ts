// Arguments of one stored value's history; their shape is checked at the boundary (decision 0097).
import { IsPeriod } from "@vnge/shared";
import { ArgsType, Field, ID } from "type-graphql";
import { Sex } from "../data-element/data-element.enums";

@ArgsType()
export class DataValueHistoryArgs {
  @Field(() => ID)
  dataElementCode!: string;

  @Field(() => ID)
  areaCode!: string;

  @Field(() => String)
  @IsPeriod()
  period!: string;

  @Field(() => Sex, { nullable: true })
  sex?: Sex | null;
}
