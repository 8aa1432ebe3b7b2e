// Inputs of the catalogue mutations. Shapes and lengths are checked here (class-validator); the rules that need
// the stored catalogue (known elements, owners, levels) are checked by CatalogueService.
import { ArrayMinSize, IsIn, IsInt, IsOptional, IsPositive, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from "class-validator";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { AreaLevel } from "../area/area.enums";
import { Sex, ValueType } from "../data-element/data-element.enums";
import { BetterDirection, IndicatorUnit } from "../indicator/indicator.enums";

const CODE_SHAPE = /^([0-9]{2,3}\.)?[A-Z][A-Z0-9_]*$/;
/** The level a DISTRICT-level element or data set is collected at without districts (decision 0098), on both inputs that define one. */
function CollectionLevelWithoutDistricts(): PropertyDecorator {
  // Applied in the order TypeScript applies stacked decorators: the last written first.
  const decorators = [
    IsIn(["PROVINCE", "COMMUNE"], { message: "collectionLevelWithoutDistricts must be PROVINCE or COMMUNE" }),
    IsOptional(),
    Field(() => AreaLevel, {
      nullable: true,
      description:
        "For a DISTRICT level: PROVINCE or COMMUNE, where it is collected in a hierarchy version without districts (2025-07 on); PROVINCE when omitted.",
    }),
  ];
  return (target, property) => {
    for (const decorate of decorators) decorate(target, property);
  };
}

const CODE_MESSAGE = 'code must be UPPER_SNAKE, prefixed by the owner\'s area code for a local definition (e.g. "62.ABORTION_RATIO")';

/** What every new definition names: its code, owner and labels. */
@InputType()
abstract class NewDefinitionInput {
  @Field(() => ID)
  @Matches(CODE_SHAPE, { message: CODE_MESSAGE })
  @MaxLength(84)
  code!: string;

  @Field(() => String, { nullable: true, description: 'The owning area: "VN" (the default) or a province or district code.' })
  @IsOptional()
  @Matches(/^(VN|[0-9]{2,3})$/, { message: "owner must be VN or a province or district code" })
  owner?: string | null;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(300)
  name!: string;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(300)
  nameVi!: string;
}

@InputType()
abstract class NewDescribedDefinitionInput extends NewDefinitionInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  description?: string | null;
}

/** What every change to a definition may relabel; omitted fields stay. */
@InputType()
abstract class DefinitionChangeInput {
  @Field(() => ID)
  code!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(300)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(300)
  nameVi?: string | null;
}

@InputType()
abstract class DescribedDefinitionChangeInput extends DefinitionChangeInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  description?: string | null;
}

@InputType({ description: "A new data element: national (owner VN, administrators only) or local to a province or a pre-2025 district." })
export class CreateDataElementInput extends NewDescribedDefinitionInput {
  @Field(() => ValueType)
  valueType!: ValueType;

  @Field(() => Boolean)
  disaggregatedBySex!: boolean;

  @Field(() => AreaLevel)
  collectionLevel!: AreaLevel;

  @CollectionLevelWithoutDistricts()
  collectionLevelWithoutDistricts?: AreaLevel | null;

  @Field(() => Float, { nullable: true, description: "The largest value accepted (e.g. 1 for a yes/no answer)." })
  @IsOptional()
  @IsPositive({ message: "maxValue must be greater than 0" })
  maxValue?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Figures from 1 to the disclosure threshold are suppressed for most roles (decision 0080)." })
  @IsOptional()
  confidential?: boolean | null;
}

@InputType({ description: "Changes to a data element; omitted fields stay. Value type, sex split and level cannot change once values exist." })
export class UpdateDataElementInput extends DescribedDefinitionChangeInput {
  @Field(() => ValueType, { nullable: true })
  @IsOptional()
  valueType?: ValueType | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  disaggregatedBySex?: boolean | null;

  @Field(() => AreaLevel, { nullable: true })
  @IsOptional()
  collectionLevel?: AreaLevel | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsPositive({ message: "maxValue must be greater than 0" })
  maxValue?: number | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  confidential?: boolean | null;
}

@InputType({ description: "One side of an indicator's formula." })
export class IndicatorTermInput {
  @Field(() => ID)
  @MinLength(1)
  element!: string;

  @Field(() => Sex, { nullable: true, description: "Count only this sex (the element must be disaggregated by sex)." })
  @IsOptional()
  sex?: Sex | null;
}

@InputType({ description: "A new indicator: numerator / denominator x factor over data elements (national ones or the owner's own)." })
export class CreateIndicatorInput extends NewDescribedDefinitionInput {
  @Field(() => IndicatorTermInput)
  @ValidateNested()
  numerator!: IndicatorTermInput;

  @Field(() => IndicatorTermInput, { nullable: true, description: "Absent for a plain sum of the numerator." })
  @IsOptional()
  @ValidateNested()
  denominator?: IndicatorTermInput | null;

  @Field(() => Float, { description: "100 for a percentage, 100000 per 100,000, 1 for a sum or a plain ratio." })
  factor!: number;

  @Field(() => IndicatorUnit)
  unit!: IndicatorUnit;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(6)
  decimals!: number;

  @Field(() => BetterDirection)
  betterDirection!: BetterDirection;
}

@InputType({ description: "Changes to an indicator; omitted fields stay. The formula and unit cannot change once it has values or targets." })
export class UpdateIndicatorInput extends DescribedDefinitionChangeInput {
  @Field(() => IndicatorTermInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  numerator?: IndicatorTermInput | null;

  @Field(() => IndicatorTermInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  denominator?: IndicatorTermInput | null;

  @Field(() => Boolean, { nullable: true, description: "True makes the indicator a plain sum of its numerator." })
  @IsOptional()
  removeDenominator?: boolean | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  factor?: number | null;

  @Field(() => IndicatorUnit, { nullable: true })
  @IsOptional()
  unit?: IndicatorUnit | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(6)
  decimals?: number | null;

  @Field(() => BetterDirection, { nullable: true })
  @IsOptional()
  betterDirection?: BetterDirection | null;
}

@InputType({ description: "The day a level must have reported a period's data set by." })
export class DeadlineInput {
  @Field(() => AreaLevel)
  level!: AreaLevel;

  @Field(() => Int, { description: "1-12, of the period's year (plus yearOffset)." })
  @IsInt()
  @Min(1)
  @Max(12)
  month!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(31)
  day!: number;

  @Field(() => Int, { nullable: true, description: "Years after the period's year; 0 by default." })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2)
  yearOffset?: number | null;
}

@InputType({ description: "A new data set: elements collected at its level, reported and approved together, with deadlines per level." })
export class CreateDataSetInput extends NewDefinitionInput {
  @Field(() => AreaLevel)
  collectionLevel!: AreaLevel;

  @CollectionLevelWithoutDistricts()
  collectionLevelWithoutDistricts?: AreaLevel | null;

  @Field(() => [ID])
  @ArrayMinSize(1)
  elements!: string[];

  @Field(() => [DeadlineInput])
  @ValidateNested({ each: true })
  deadlines!: DeadlineInput[];
}

@InputType({ description: "Changes to a data set; omitted fields stay. Its level does not change (its approvals are made at it)." })
export class UpdateDataSetInput extends DefinitionChangeInput {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  elements?: string[] | null;

  @Field(() => [DeadlineInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  deadlines?: DeadlineInput[] | null;
}
