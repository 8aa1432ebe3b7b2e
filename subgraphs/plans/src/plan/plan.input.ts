import { IsOptional, Max, MaxLength, Min, MinLength } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { ReportingDeadlineInput } from "../deadline/deadline.input";
import { TargetInput } from "../target/target.input";
import { PlanStatus, PlanType } from "./plan.enums";

@InputType({ description: "A plan with its targets and reporting deadlines, written all or nothing." })
export class CreatePlanInput {
  @Field(() => ID, { description: "The issuing area." })
  areaCode!: string;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(500)
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  titleEn?: string | null;

  @Field(() => PlanType)
  type!: PlanType;

  @Field(() => Int)
  @Min(1900)
  @Max(2100)
  startYear!: number;

  @Field(() => Int)
  @Min(1900)
  @Max(2100)
  endYear!: number;

  @Field(() => String, { nullable: true, description: 'e.g. "16/KH-BVSTBCPN".' })
  @IsOptional()
  @MaxLength(100)
  documentNumber?: string | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD." })
  documentDate?: string | null;

  @Field(() => PlanStatus, { nullable: true, description: "DRAFT when omitted." })
  status?: PlanStatus | null;

  @Field(() => [TargetInput], { nullable: true })
  targets?: TargetInput[] | null;

  @Field(() => [ReportingDeadlineInput], { nullable: true })
  deadlines?: ReportingDeadlineInput[] | null;
}
