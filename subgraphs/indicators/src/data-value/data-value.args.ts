// Arguments of one stored value's history; their shape is checked at the boundary (decision 0097).
import { IsPeriod, MAX_PAGE_SIZE } from "@vnge/shared";
import { ArgsType, Field, ID, Int } from "type-graphql";
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

  @Field(() => Int, { nullable: true, description: `At most this many changes (1-${MAX_PAGE_SIZE.toLocaleString("en")}); all of them when omitted.` })
  first?: number | null;

  @Field(() => Int, { nullable: true, description: "The changes after this one: the sequence of the last change of the previous page." })
  after?: number | null;
}
