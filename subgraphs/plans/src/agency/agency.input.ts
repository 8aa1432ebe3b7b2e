import { IsOptional, Length, Matches, MaxLength } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { AgencyKind } from "./agency.enums";

@InputType({ description: "An agency to define, or to change when its code exists." })
export class AgencyInput {
  @Field(() => ID, { description: 'E.g. "62-SYT": letters, digits and dashes.' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{1,39}$/, { message: "code must be 2-40 letters, digits or dashes" })
  code!: string;

  @Field(() => ID, { description: "The area it belongs to: in the caller's areas." })
  areaCode!: string;

  @Field(() => String, { nullable: true, description: "The hierarchy version of the area; the version in force today when omitted." })
  hierarchy?: string | null;

  @Field(() => AgencyKind)
  kind!: AgencyKind;

  @Field(() => String, { nullable: true, description: "In English; the Vietnamese name when omitted." })
  @IsOptional()
  @Length(1, 200)
  name?: string | null;

  @Field(() => String)
  @Length(1, 200, { message: "nameVi must be 1-200 characters" })
  nameVi!: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @MaxLength(200, { each: true })
  aliases?: string[] | null;
}
