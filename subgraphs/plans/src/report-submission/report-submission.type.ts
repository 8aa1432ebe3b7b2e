import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Agency } from "../agency/agency.type";
import { Area } from "../area/area.type";

export const ReportState = { ON_TIME: "ON_TIME", LATE: "LATE", MISSING: "MISSING" } as const;
export type ReportState = (typeof ReportState)[keyof typeof ReportState];
registerEnumType(ReportState, { name: "ReportState", description: "ON_TIME or LATE (by the deadline's dueAt), or MISSING: not yet submitted." });

@ObjectType({ description: "One reporter's report for a deadline; the document's bytes are not part of the graph." })
export class ReportSubmission {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The period the report covers, e.g. "2025" or "2025S1".' })
  period!: string;

  @Field(() => String, { description: "When it was received (ISO 8601); a corrected report replaces the earlier one and its time." })
  submittedAt!: string;

  @Field(() => String)
  submittedBy!: string;

  @Field(() => String)
  documentName!: string;

  @Field(() => String)
  documentType!: string;

  @Field(() => Int, { description: "Bytes." })
  documentSize!: number;

  @Field(() => String, {
    description:
      "Where the document is downloaded, relative to the API's address (GET with the same bearer token): for the officer who receives the " +
      "report and the reporter who sent it.",
  })
  documentUrl!: string;
}

@ObjectType({ description: "Where one reporter stands for a deadline." })
export class ReporterStatus {
  @Field(() => ID, { description: "The area's or agency's code." })
  reporterCode!: string;

  @Field(() => Area, { nullable: true, description: "The reporting area (null when an agency owes the report)." })
  area!: { code: string; hierarchy: string } | null;

  @Field(() => Agency, { nullable: true, description: "The reporting agency (null when areas owe the report)." })
  agency!: Agency | null;

  @Field(() => ReportState)
  state!: ReportState;

  @Field(() => ReportSubmission, { nullable: true })
  submission!: ReportSubmission | null;
}

@ObjectType({ description: "Who owes a deadline's report, who has sent it (on time or late) and who has not: the list to phone round." })
export class ReportingRound {
  @Field(() => Int)
  expected!: number;

  @Field(() => Int)
  onTime!: number;

  @Field(() => Int)
  late!: number;

  @Field(() => Int)
  missing!: number;

  @Field(() => Boolean, { description: "The deadline has passed (the missing reports are overdue)." })
  overdue!: boolean;

  @Field(() => [ReporterStatus], { description: "Every reporter, by code." })
  reporters!: ReporterStatus[];
}

@InputType({ description: "A document sent with a report: a PDF, Word, spreadsheet or OpenDocument file, base64-encoded." })
export class ReportDocumentInput {
  @Field(() => String)
  fileName!: string;

  @Field(() => String, { description: 'E.g. "application/pdf".' })
  contentType!: string;

  @Field(() => String)
  base64!: string;
}
