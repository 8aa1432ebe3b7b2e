import { Directive, Field, Float, ID, ObjectType } from "type-graphql";
import { Area } from "../area/area.type";
import { AreaMappingKind, ProgressStatus, Sex, TargetComparison } from "./target.enums";

/** The indicators subgraph's Indicator entity: only its key here. */
@Directive('@key(fields: "code", resolvable: false)')
@ObjectType("Indicator")
export class IndicatorReference {
  @Field(() => ID)
  code!: string;
}

/** The part of the indicators subgraph's IndicatorValue that progress is computed from. */
@ObjectType("IndicatorValue")
export class ActualValue {
  @Directive("@external")
  @Field(() => Float, { nullable: true })
  total!: number | null;

  @Directive("@external")
  @Field(() => Float, { nullable: true })
  male!: number | null;

  @Directive("@external")
  @Field(() => Float, { nullable: true })
  female!: number | null;

  @Directive("@external")
  @Field(() => String)
  period!: string;

  @Directive("@external")
  @Field(() => Boolean)
  approximate!: boolean;
}

@ObjectType({
  description:
    "How a target of an area of an earlier hierarchy version is judged at a year of a later one (decision 0099): the mapping of its area, " +
    "and whether the value judged is approximate or cannot be judged at all.",
})
export class TargetAcrossReform {
  @Field(() => String, { description: "The version of the target's plan (its area's), e.g. \"2025-03\"." })
  fromHierarchy!: string;

  @Field(() => String, { description: 'The version of the assessed year, e.g. "2025-07".' })
  toHierarchy!: string;

  @Field(() => [ID], { description: "The units of toHierarchy the area went into (the published mapping)." })
  successorCodes!: string[];

  @Field(() => AreaMappingKind, { nullable: true, description: "FULL: the whole area went into its successor; PARTIAL: it was split; null when unmapped." })
  mapping!: AreaMappingKind | null;

  @Field(() => [ID], { description: "The other areas of fromHierarchy merged into the same successor(s)." })
  mergedWith!: string[];

  @Field(() => Boolean, {
    description: "The value judged came in part through the mapping's even shares, not only from units lying wholly inside the area.",
  })
  approximate!: boolean;

  @Field(() => Boolean, { description: "False when no sound mapping exists (status NOT_COMPARABLE)." })
  comparable!: boolean;

  @Field(() => String, { description: "What the target was judged against, in words." })
  note!: string;
}

@ObjectType({ description: "How a target stands at its assessed period." })
export class TargetProgress {
  @Field(() => ProgressStatus)
  status!: ProgressStatus;

  @Field(() => Float, { nullable: true, description: "The actual value judged: the target's sex's value, or the total." })
  value!: number | null;

  @Field(() => Float, {
    description: "What the value should be by the assessed period: the target value, or for an earlier year the point on the line from the baseline.",
  })
  expected!: number;

  @Field(() => Float, { nullable: true, description: "value - targetValue, in the indicator's unit (negative: below the target)." })
  gap!: number | null;

  @Field(() => Float, { nullable: true, description: "value - expected." })
  gapToExpected!: number | null;

  @Field(() => Boolean, { description: "The value judged is approximate (carried across a reform through shares of split or merged units)." })
  approximate!: boolean;

  @Field(() => TargetAcrossReform, {
    nullable: true,
    description: "Set when the target's area is of an earlier hierarchy version than the assessed year's: what it was judged against.",
  })
  acrossReform!: TargetAcrossReform | null;
}

// One key in both subgraphs (decision 0091): the id names the target and the year it is assessed at; the
// indicators subgraph requires indicator, area and period for the actual value.
@Directive('@key(fields: "id")')
@ObjectType({ description: "A plan's target for one indicator at the plan's area for one year, optionally for one sex." })
export class Target {
  /** The stored target's id; the GraphQL id (target.resolver.ts) adds the assessed period. */
  id!: string;

  @Directive("@shareable")
  @Field(() => String, {
    description: "The year actual and progress are for: the target's period, or the year a list of targets was asked for.",
  })
  assessedPeriod!: string;

  @Directive("@shareable")
  @Field(() => ID, { description: "Code of the indicator in the catalogue." })
  indicatorCode!: string;

  @Field(() => IndicatorReference, { nullable: true, description: "The indicator; null if it has left the catalogue." })
  indicator!: IndicatorReference;

  @Directive("@shareable")
  @Field(() => ID, { description: "The plan's area." })
  areaCode!: string;

  @Field(() => Area, { description: "The plan's area, in the version of the plan's first year (targets keep it after a reform)." })
  area!: Area;

  /** The version of the plan's area (resolved by target.resolver.ts from the plan). */
  areaHierarchy?: string;

  @Field(() => String, { description: 'The year the target is for, e.g. "2017".' })
  period!: string;

  @Field(() => Sex, { nullable: true, description: "Only this sex's value counts; null: the value for everyone." })
  sex!: Sex | null;

  @Field(() => Float, { description: "In the indicator's unit (sex ratio at birth 112 = 112 boys per 100 girls)." })
  targetValue!: number;

  @Field(() => TargetComparison)
  comparison!: TargetComparison;

  @Field(() => Float, { nullable: true })
  baselineValue!: number | null;

  @Field(() => String, { nullable: true })
  baselinePeriod!: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. "Sở Y tế".' })
  responsibleAgency!: string | null;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => String, { nullable: true, description: 'The target as written in the source document, e.g. "112/100".' })
  sourceText!: string | null;

  @Directive("@external")
  @Field(() => ActualValue, { nullable: true, description: "Rolled-up value at the target's area and assessed period (indicators subgraph)." })
  actual!: ActualValue | null;

  planId!: string;
}
