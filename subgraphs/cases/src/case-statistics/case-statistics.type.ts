import { Field, Int, ObjectType } from "type-graphql";
import { AgeGroup, CaseSex, SupportService, ViolenceForm } from "../case-record/case-record.enums";

const COUNT = { nullable: true, description: "Null when suppressed." } as const;
const SUPPRESSED = { description: "True when the count is withheld: below the threshold, or one that would give such a count away." } as const;

@ObjectType({ description: "A number of cases, or null with suppressed = true." })
export class CaseCount {
  @Field(() => Int, COUNT)
  count!: number | null;

  @Field(() => Boolean, SUPPRESSED)
  suppressed!: boolean;
}

@ObjectType()
export class CaseCountBySex extends CaseCount {
  @Field(() => CaseSex, { description: "The victim's sex." })
  sex!: CaseSex;
}

@ObjectType()
export class CaseCountByAgeGroup extends CaseCount {
  @Field(() => AgeGroup)
  ageGroup!: AgeGroup;
}

@ObjectType()
export class CaseCountByForm extends CaseCount {
  @Field(() => ViolenceForm)
  form!: ViolenceForm;
}

@ObjectType()
export class CaseCountByService extends CaseCount {
  @Field(() => SupportService, { description: "Cases whose victim was given this service (a victim may get several)." })
  service!: SupportService;
}

@ObjectType({ description: "Counts of the cases detected in an area (and beneath it) in one year. Holds no case records." })
export class CaseStatistics {
  @Field(() => String, { description: 'The year: "2024".' })
  period!: string;

  @Field(() => CaseCount)
  total!: CaseCount;

  @Field(() => [CaseCountBySex])
  bySex!: CaseCountBySex[];

  @Field(() => [CaseCountByAgeGroup])
  byAgeGroup!: CaseCountByAgeGroup[];

  @Field(() => [CaseCountByForm])
  byForm!: CaseCountByForm[];

  @Field(() => [CaseCountByService])
  byService!: CaseCountByService[];

  @Field(() => Int, {
    nullable: true,
    description: "Counts below this are suppressed; null when the caller sees every count (case workers in scope, administrators).",
  })
  suppressionThreshold!: number | null;
}
