import { Field, ID, ObjectType } from "type-graphql";
import { Area } from "../area/area.type";
import { AgeGroup, CaseSex, CaseStatus, IndicatorFeedStatus, SupportService, ViolenceForm, ViolenceSetting } from "./case-record.enums";

@ObjectType({ description: "A support service provided to the victim of a case." })
export class CaseService {
  @Field(() => SupportService)
  service!: SupportService;

  @Field(() => String, { description: "Date provided (YYYY-MM-DD)." })
  providedOn!: string;
}

/**
 * Not a federation entity: nothing outside this subgraph can reference a case record, so `_entities`
 * cannot reach one. Holds no names or ID numbers.
 */
@ObjectType({ description: "A confidential record of a detected case of domestic or gender-based violence (case workers in scope only)." })
export class CaseRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => Area, { description: "The commune where the case was detected." })
  area!: Area;

  @Field(() => String, { description: "Date detected (YYYY-MM-DD)." })
  detectedOn!: string;

  @Field(() => ViolenceForm)
  form!: ViolenceForm;

  @Field(() => ViolenceSetting)
  setting!: ViolenceSetting;

  @Field(() => CaseSex)
  victimSex!: CaseSex;

  @Field(() => AgeGroup)
  victimAgeGroup!: AgeGroup;

  @Field(() => Boolean)
  victimEthnicMinority!: boolean;

  @Field(() => CaseSex, { nullable: true, description: "Null when the perpetrator is not known." })
  perpetratorSex!: CaseSex | null;

  @Field(() => Boolean, { description: "Criminally prosecuted (such perpetrators are not counted for counselling)." })
  perpetratorProsecuted!: boolean;

  @Field(() => Boolean)
  perpetratorCounselled!: boolean;

  @Field(() => Boolean)
  referredToPolice!: boolean;

  @Field(() => CaseStatus)
  status!: CaseStatus;

  @Field(() => [CaseService])
  services!: CaseService[];

  /** Resolved by CaseRecordResolver: shown to case workers in scope only. */
  note!: string | null;

  @Field(() => String, { description: "When the record was last changed (ISO 8601)." })
  updatedAt!: string;
}

@ObjectType()
export class CaseWriteResult {
  @Field(() => CaseRecord)
  caseRecord!: CaseRecord;

  @Field(() => IndicatorFeedStatus, { description: "Whether the indicator engine already counts this write." })
  indicatorFeed!: IndicatorFeedStatus;
}
