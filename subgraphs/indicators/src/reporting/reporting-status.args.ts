// Arguments of a reporting status; their shape is checked at the boundary (decision 0097).
import { IsPeriod, Satisfies } from "@vnge/shared";
import { ArgsType, Field, ID } from "type-graphql";
import { AreaLevel } from "../area/area.enums";

@ArgsType()
export class ReportingStatusArgs {
  @Field(() => ID)
  dataSetCode!: string;

  @Field(() => String)
  @IsPeriod()
  period!: string;

  @Field(() => ID)
  parentCode!: string;

  @Field(() => AreaLevel)
  level!: AreaLevel;

  @Field(() => String, { nullable: true, description: "Judge timeliness at this moment (ISO 8601); now when omitted." })
  @Satisfies("isInstant", (value) => (typeof value === "string" && Number.isNaN(new Date(value).getTime()) ? "asOf must be an ISO 8601 date and time" : null))
  asOf?: string | null;
}
