import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Area } from "../area/area.type";
import { SupportFacilityKind } from "./support-facility.enums";

@Directive('@key(fields: "id")')
@ObjectType({ description: "A publicly listed place where victims of gender-based violence can get help." })
export class SupportFacility {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "Name in Vietnamese." })
  name!: string;

  @Field(() => String, { nullable: true })
  nameEn!: string | null;

  @Field(() => SupportFacilityKind)
  kind!: SupportFacilityKind;

  @Field(() => Area, { description: "The area where the facility is." })
  area!: Area;
}
