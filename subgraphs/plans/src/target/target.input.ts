import { IsOptional, Length, MaxLength } from "class-validator";
import { Field, Float, ID, InputType } from "type-graphql";
import { Sex, TargetComparison } from "./target.enums";

@InputType({ description: "A target within a plan, for the plan's area." })
export class TargetInput {
  @Field(() => ID, {
    nullable: true,
    description: "An area beneath the plan's, for a target the plan sets for it (a province's target for a district); the plan's area when omitted.",
  })
  areaCode?: string | null;

  @Field(() => ID, { description: "Code of an indicator of the catalogue." })
  indicatorCode!: string;

  @Field(() => String, { description: 'The year the target is for, e.g. "2025".' })
  period!: string;

  @Field(() => Sex, { nullable: true, description: "Only this sex's value counts; omit for everyone." })
  sex?: Sex | null;

  @Field(() => Float, { description: "In the indicator's unit: a sex ratio at birth of 112 boys per 100 girls is 112." })
  targetValue!: number;

  @Field(() => TargetComparison)
  comparison!: TargetComparison;

  @Field(() => Float, { nullable: true })
  baselineValue?: number | null;

  @Field(() => String, { nullable: true, description: "The year of the baseline; the target's period must come after it." })
  baselinePeriod?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  responsibleAgency?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  notes?: string | null;

  @Field(() => String, { nullable: true, description: 'The target as written in the source document, e.g. "112/100".' })
  @IsOptional()
  @Length(0, 200)
  sourceText?: string | null;
}
