import { MaxLength, MinLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { ReportingLevel } from "./deadline.enums";

@InputType()
export class ReportingDeadlineInput {
  @Field(() => String)
  @MinLength(1)
  @MaxLength(500)
  report!: string;

  @Field(() => ReportingLevel)
  fromLevel!: ReportingLevel;

  @Field(() => ReportingLevel)
  toLevel!: ReportingLevel;

  @Field(() => String, { description: "YYYY-MM-DD." })
  dueDate!: string;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD, when already received." })
  submittedOn?: string | null;
}
