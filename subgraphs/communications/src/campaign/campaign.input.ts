import { Field, ID, InputType } from "type-graphql";

@InputType()
export class CreateCampaignInput {
  @Field(() => ID, { description: 'Stable code: capital letters, digits and dashes, e.g. "ACTION-MONTH-2024-38".' })
  code!: string;

  @Field(() => String, { description: "Name in Vietnamese." })
  name!: string;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => String, { nullable: true })
  theme?: string | null;

  @Field(() => String, { description: "First day (YYYY-MM-DD)." })
  startDate!: string;

  @Field(() => String, { description: "Last day (YYYY-MM-DD)." })
  endDate!: string;

  @Field(() => ID, { description: "The organising area: within the caller's areas." })
  organisingAreaCode!: string;

  @Field(() => [ID], { nullable: true, description: "Other areas taking part: within the caller's areas." })
  participantAreaCodes?: string[] | null;
}
