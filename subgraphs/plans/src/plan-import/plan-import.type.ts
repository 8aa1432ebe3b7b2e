import { Field, Int, ObjectType } from "type-graphql";
import { Plan } from "../plan/plan.type";
import { Target } from "../target/target.type";

@ObjectType({ description: "A row or cell of an imported table that did not become (or only partly became) a target, and why." })
export class ImportIssue {
  @Field(() => Int, { description: "CSV line (the header is line 1)." })
  line!: number;

  @Field(() => String, { description: "The row's indicator as written." })
  indicator!: string;

  @Field(() => String, { nullable: true, description: 'e.g. "target:2017"; null for the whole row.' })
  column!: string | null;

  @Field(() => String)
  message!: string;
}

@ObjectType()
export class PlanImportReport {
  @Field(() => Plan)
  plan!: Plan;

  @Field(() => Int, { description: "Rows read, the header excluded." })
  rows!: number;

  @Field(() => [Target], { description: "The targets written (or, in a dry run, that would be)." })
  targets!: Target[];

  @Field(() => [ImportIssue], { description: "What did not become a target, with the reason." })
  problems!: ImportIssue[];

  @Field(() => [ImportIssue], {
    description: "Cells kept only as notes or text on imported targets (e.g. an unreadable baseline, an agency name that matches no agency).",
  })
  warnings!: ImportIssue[];

  @Field(() => [String], { description: "Codes of the agencies defined for names that matched none (defineAgencies)." })
  definedAgencies!: string[];

  @Field(() => Boolean)
  dryRun!: boolean;
}
