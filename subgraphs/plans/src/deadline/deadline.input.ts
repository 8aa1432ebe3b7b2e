import { MaxLength, MinLength } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { ReportKind, ReportingLevel } from "./deadline.enums";

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

  @Field(() => ReportKind, { nullable: true, description: "OTHER when omitted." })
  kind?: ReportKind | null;

  @Field(() => ID, { nullable: true, description: "The one agency that owes the report; omitted: every area of fromLevel beneath the plan's area owes it." })
  reporterAgencyCode?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True when the document says "trước ngày" (before the day): due when the day begins, Vietnam time; otherwise by the end of it.',
  })
  dueBefore?: boolean | null;
}
