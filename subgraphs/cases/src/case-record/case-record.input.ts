import { MaxTrimmedLength, Satisfies } from "@vnge/shared";
import { ValidateNested } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { AgeGroup, CaseSex, CaseStatus, SupportService, ViolenceForm, ViolenceSetting } from "./case-record.enums";

export const NOTE_MAX_LENGTH = 500;

/** "YYYY-MM-DD" naming a real calendar day, or null. */
export function calendarDate(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value ? value : null;
}

/** A real day written YYYY-MM-DD (whether it may be that day is a rule of validateCase). */
const IsDay = () =>
  Satisfies("isDay", (value, field) =>
    typeof value === "string" && calendarDate(value) === null ? `${field}: "${value}" is not a date: use YYYY-MM-DD` : null,
  );

@InputType()
export class CaseServiceInput {
  @Field(() => SupportService)
  service!: SupportService;

  @Field(() => String, { description: "YYYY-MM-DD; not before the case was detected, not in the future." })
  @IsDay()
  providedOn!: string;
}

@InputType({ description: "A case as the case worker knows it now (an update replaces every field and the service list)." })
export class CaseRecordInput {
  @Field(() => ID, { description: "The commune where the case was detected." })
  areaCode!: string;

  @Field(() => String, { description: "YYYY-MM-DD, not in the future." })
  @IsDay()
  detectedOn!: string;

  @Field(() => ViolenceForm)
  form!: ViolenceForm;

  @Field(() => ViolenceSetting)
  setting!: ViolenceSetting;

  @Field(() => CaseSex)
  victimSex!: CaseSex;

  @Field(() => AgeGroup)
  victimAgeGroup!: AgeGroup;

  @Field(() => Boolean)
  victimEthnicMinority!: boolean;

  @Field(() => CaseSex, { nullable: true, description: "Leave empty when the perpetrator is not known." })
  perpetratorSex?: CaseSex | null;

  @Field(() => Boolean, { nullable: true })
  perpetratorProsecuted?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  perpetratorCounselled?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  referredToPolice?: boolean | null;

  @Field(() => CaseStatus, { nullable: true, description: "OPEN when omitted." })
  status?: CaseStatus | null;

  @Field(() => [CaseServiceInput], { nullable: true })
  @ValidateNested()
  services?: CaseServiceInput[] | null;

  @Field(() => String, { nullable: true, description: "A short working note (at most 500 characters); never names or ID numbers." })
  @MaxTrimmedLength(NOTE_MAX_LENGTH, (length, field) => `${field}: the note holds at most ${NOTE_MAX_LENGTH} characters (got ${length})`)
  note?: string | null;
}
