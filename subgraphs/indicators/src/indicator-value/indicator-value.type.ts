import { Field, Float, ObjectType } from "type-graphql";
import { Area } from "../area/area.type";
import { Indicator } from "../indicator/indicator.type";

@ObjectType({ description: "Summed values of one side of an indicator; male and female are null when the side is not split by sex." })
export class SexBreakdown {
  @Field(() => Float, { nullable: true })
  total!: number | null;

  @Field(() => Float, { nullable: true })
  male!: number | null;

  @Field(() => Float, { nullable: true })
  female!: number | null;
}

@ObjectType({
  description:
    "An indicator at one area for one period, computed from the numerator and denominator summed over the reporting areas " +
    "beneath the area (never from the children's percentages). Values are null when there is no data or the denominator is zero.",
})
export class IndicatorValue {
  @Field(() => Indicator)
  indicator!: Indicator;

  @Field(() => Area)
  area!: Area;

  @Field(() => String, { description: 'The period asked for: "2023", "2023S2", "2023Q1" or "202301".' })
  period!: string;

  @Field(() => String, { description: "The hierarchy version the value is expressed on (the area's version)." })
  hierarchy!: string;

  @Field(() => String, {
    description:
      "The hierarchy version the period's data were reported on; when it differs from `hierarchy`, the values were carried over through the mapping.",
  })
  sourceHierarchy!: string;

  @Field(() => Boolean, {
    description:
      "True when part of the value was apportioned: a unit split between several units fed it (a partial mapping), so its share is " +
      "an even split, not a count. Always false within one version and for the nation.",
  })
  approximate!: boolean;

  @Field(() => Float, {
    nullable: true,
    description: "Share (0-1) of the inputs (numerator and denominator values) that came through partial mappings; 0 when exact, null without data.",
  })
  approximateShare!: number | null;

  @Field(() => Float, { nullable: true, description: "The value for everyone, rounded to the indicator's decimals." })
  total!: number | null;

  @Field(() => Float, { nullable: true, description: "The value for males; null when the indicator has no sex split." })
  male!: number | null;

  @Field(() => Float, { nullable: true, description: "The value for females; null when the indicator has no sex split." })
  female!: number | null;

  @Field(() => SexBreakdown)
  numerator!: SexBreakdown;

  @Field(() => SexBreakdown, { nullable: true, description: "Null for an indicator that is a plain sum." })
  denominator!: SexBreakdown | null;

  @Field(() => Float, { nullable: true, description: "female / male of the unrounded values, to 2 decimals." })
  femaleToMaleRatio!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Share (0-1) of the areas at the numerator element's collection level beneath this area (or the area itself) that have " +
      "at least one value of that element for the period; null when no area is expected to report.",
  })
  completeness!: number | null;

  @Field(() => Boolean, {
    description:
      "True when the value is withheld from this caller: partners see only approved data (approved at this area or above " +
      "for every data set governing the indicator's elements); the numbers are then null. Always false for other roles.",
  })
  withheld!: boolean;

  @Field(() => Boolean, {
    description:
      "True when the value is suppressed for this caller: it is derived from case records, and a count it uses is small " +
      "(below the suppression threshold) or would let one be recovered from published figures; the numbers are then null. " +
      "Always false for administrators and case workers.",
  })
  suppressed!: boolean;
}
