// Arguments of the approval workflow's queries and mutations; their shape is checked at the boundary (decision 0097).
import { IsPeriod, MaxTrimmedLength, NotBlank } from "@vnge/shared";
import { ArgsType, Field, ID } from "type-graphql";

export const MAX_REASON_LENGTH = 1_000;

@ArgsType()
export class DataSetAtAreaArgs {
  @Field(() => ID)
  dataSetCode!: string;

  @Field(() => ID)
  areaCode!: string;

  @Field(() => String)
  @IsPeriod()
  period!: string;
}

@ArgsType()
export class ReturnDataSetArgs extends DataSetAtAreaArgs {
  @Field(() => String)
  @NotBlank("a return needs a reason")
  @MaxTrimmedLength(MAX_REASON_LENGTH)
  reason!: string;
}
