import { Field, ID, ObjectType } from "type-graphql";
import { AreaLevel } from "../area/area.enums";
import { ValueType } from "./data-element.enums";

@ObjectType({ description: "A raw figure areas report (e.g. live births); higher areas hold the sum of the areas beneath." })
export class DataElement {
  @Field(() => ID)
  code!: string;

  @Field(() => String, { description: "Name in English." })
  name!: string;

  @Field(() => String, { description: "Name in Vietnamese." })
  nameVi!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => ValueType)
  valueType!: ValueType;

  @Field(() => Boolean, { description: "Values are reported separately for MALE and FEMALE (and the total is their sum)." })
  disaggregatedBySex!: boolean;

  @Field(() => AreaLevel, {
    description: "The only level values are accepted at (in a hierarchy version without districts, a DISTRICT element's collectionLevelWithoutDistricts).",
  })
  collectionLevel!: AreaLevel;

  @Field(() => AreaLevel, {
    nullable: true,
    description:
      "For a DISTRICT element: the level it is collected at in a hierarchy version without districts (2025-07 on), PROVINCE or COMMUNE; null: PROVINCE.",
  })
  collectionLevelWithoutDistricts!: AreaLevel | null;

  @Field(() => Number, { nullable: true, description: "The largest value accepted (e.g. 1 for a yes/no answer); null: no bound but the general one." })
  maxValue!: number | null;

  @Field(() => Boolean, { description: "Derived from case records: its small figures are suppressed for most roles (decision 0080)." })
  confidential!: boolean;

  @Field(() => String, {
    description:
      "VN for a national definition; otherwise the area (province, or district before the 2025 reform) whose local definition it is, usable only at or beneath it.",
  })
  owner!: string;

  retiredAt!: Date | null;
}
