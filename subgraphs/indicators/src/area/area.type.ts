import { Directive, Field, ID, ObjectType } from "type-graphql";
import { AreaLevel } from "./area-level.enum";

@Directive('@key(fields: "code")')
@ObjectType({ description: "An administrative unit: the nation, a province, a district or a commune." })
export class Area {
  @Field(() => ID, { description: 'Official GSO code with its leading zeros ("38", "380", "14845"); "VN" for the nation.' })
  code!: string;

  @Field(() => AreaLevel)
  level!: AreaLevel;

  @Field(() => String, { description: 'Official name in Vietnamese, e.g. "Thanh Hóa".' })
  name!: string;

  @Field(() => String, { description: 'Name without diacritics, e.g. "Thanh Hoa".' })
  nameEn!: string;

  @Field(() => String, { description: 'Name with the unit type, in Vietnamese, e.g. "Tỉnh Thanh Hóa".' })
  fullName!: string;

  @Field(() => String, { description: 'Name with the unit type, in English, e.g. "Thanh Hoa Province".' })
  fullNameEn!: string;

  parentCode!: string | null;
}
