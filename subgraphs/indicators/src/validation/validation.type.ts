import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";

export enum ViolationSeverity {
  ERROR = "ERROR",
  WARNING = "WARNING",
}

registerEnumType(ViolationSeverity, {
  name: "ViolationSeverity",
  description: "ERROR: a rule between values does not hold (blocks submitting the data set); WARNING: a value far from its history, to follow up.",
});

@ObjectType({ description: "One finding of the validation rules." })
export class ValidationViolation {
  @Field(() => String, { description: 'The rule, e.g. "GBV_SUPPORTED_NOT_ABOVE_DETECTED_FEMALE", or "OUTLIER".' })
  ruleCode!: string;

  @Field(() => ViolationSeverity)
  severity!: ViolationSeverity;

  @Field(() => ID)
  areaCode!: string;

  @Field(() => String)
  message!: string;

  @Field(() => Float, { nullable: true, description: "The rule's left side, or the outlying value." })
  leftValue!: number | null;

  @Field(() => Float, { nullable: true, description: "The rule's right side, or the mean of the value's history." })
  rightValue!: number | null;
}

@ObjectType({ description: "The validation rules of a data set run over the stored values of an area (and every reporting area beneath it) for a period." })
export class ValidationReport {
  @Field(() => ID)
  dataSetCode!: string;

  @Field(() => ID)
  areaCode!: string;

  @Field(() => String)
  period!: string;

  @Field(() => Int)
  errors!: number;

  @Field(() => Int)
  warnings!: number;

  @Field(() => [ValidationViolation], { description: "Errors first, then warnings, by area." })
  violations!: ValidationViolation[];
}
