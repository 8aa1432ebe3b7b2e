import { NotBlank, Satisfies } from "@vnge/shared";
import { Matches } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { dateProblem } from "../activity/activity.validation";

/** A real day between 1900 and 2100, written YYYY-MM-DD. */
const IsDay = () => Satisfies("isDay", (value, field) => (typeof value === "string" && dateProblem(value) !== null ? `${field}: ${dateProblem(value)}` : null));

@InputType()
export class CreateCampaignInput {
  @Field(() => ID, { description: 'Stable code: capital letters, digits and dashes, e.g. "ACTION-MONTH-2024-38".' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,63}$/, { message: ({ value }) => `code "${value}" must be 2-64 capital letters, digits and dashes` })
  code!: string;

  @Field(() => String, { description: "Name in Vietnamese." })
  @NotBlank()
  name!: string;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => String, { nullable: true })
  theme?: string | null;

  @Field(() => String, { description: "First day (YYYY-MM-DD)." })
  @IsDay()
  startDate!: string;

  @Field(() => String, { description: "Last day (YYYY-MM-DD)." })
  @IsDay()
  endDate!: string;

  @Field(() => ID, { description: "The organising area: within the caller's areas." })
  organisingAreaCode!: string;

  @Field(() => [ID], { nullable: true, description: "Other areas taking part: within the caller's areas." })
  participantAreaCodes?: string[] | null;
}
