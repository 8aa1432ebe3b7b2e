import { Directive, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { DataElement } from "../data-element/data-element.type";
import { Sex } from "../data-element/data-element.enums";
import { BetterDirection, IndicatorUnit } from "./indicator.enums";

@ObjectType({ description: "One side of an indicator: a data element, optionally only one sex of it." })
export class IndicatorTerm {
  @Field(() => DataElement)
  dataElement!: DataElement;

  @Field(() => Sex, { nullable: true, description: "Only values of this sex count; null counts every value." })
  sex!: Sex | null;
}

@Directive('@key(fields: "code")')
@ObjectType({ description: "numerator / denominator x factor over data elements, or a plain sum of the numerator." })
export class Indicator {
  @Field(() => ID)
  code!: string;

  @Field(() => String, { description: "Name in English." })
  name!: string;

  @Field(() => String, { description: "Name in Vietnamese." })
  nameVi!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Float, { description: "Multiplier of the ratio (100 for a percentage, 100000 per 100,000); 1 for a plain sum." })
  factor!: number;

  @Field(() => IndicatorUnit)
  unit!: IndicatorUnit;

  @Field(() => Int, { description: "Decimal places of presented values." })
  decimals!: number;

  @Field(() => BetterDirection)
  betterDirection!: BetterDirection;

  @Field(() => String, {
    description:
      "VN for a national definition; otherwise the area (province, or district before the 2025 reform) whose local definition it is, usable only at or beneath it.",
  })
  owner!: string;

  retiredAt!: Date | null;

  numeratorElementCode!: string;
  numeratorSex!: Sex | null;
  denominatorElementCode!: string | null;
  denominatorSex!: Sex | null;
}
