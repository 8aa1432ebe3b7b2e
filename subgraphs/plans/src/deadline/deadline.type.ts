import { Field, ID, ObjectType } from "type-graphql";
import { ReportKind, ReportingLevel } from "./deadline.enums";

@ObjectType({ description: "A report a plan requires: from which level to which, by when, and whether it came in time." })
export class ReportingDeadline {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'What is reported, e.g. "Báo cáo kết quả thực hiện công tác bình đẳng giới năm 2023".' })
  report!: string;

  @Field(() => ReportingLevel)
  fromLevel!: ReportingLevel;

  @Field(() => ReportingLevel)
  toLevel!: ReportingLevel;

  @Field(() => String, { description: "YYYY-MM-DD." })
  dueDate!: string;

  @Field(() => String, { nullable: true, description: "When the report was received (YYYY-MM-DD); null while it is outstanding." })
  submittedOn!: string | null;

  @Field(() => Boolean, { nullable: true, description: "Whether the report came by its due date; null while it is outstanding and not yet due." })
  met!: boolean | null;

  @Field(() => ReportKind)
  kind!: ReportKind;

  @Field(() => Boolean, { description: 'True: due before dueDate begins ("trước ngày"); false: by the end of dueDate (Vietnam time).' })
  dueBefore!: boolean;

  @Field(() => String, { description: "The moment a report becomes late (ISO 8601)." })
  dueAt!: string;

  reporterAgencyCode!: string | null;

  planId!: string;
}
