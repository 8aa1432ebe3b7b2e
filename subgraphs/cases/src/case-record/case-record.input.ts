import { Field, ID, InputType } from "type-graphql";
import { AgeGroup, CaseSex, CaseStatus, SupportService, ViolenceForm, ViolenceSetting } from "./case-record.enums";

@InputType()
export class CaseServiceInput {
  @Field(() => SupportService)
  service!: SupportService;

  @Field(() => String, { description: "YYYY-MM-DD; not before the case was detected, not in the future." })
  providedOn!: string;
}

@InputType({ description: "A case as the case worker knows it now (an update replaces every field and the service list)." })
export class CaseRecordInput {
  @Field(() => ID, { description: "The commune where the case was detected." })
  areaCode!: string;

  @Field(() => String, { description: "YYYY-MM-DD, not in the future." })
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

  @Field(() => CaseSex, { nullable: true, description: "Leave empty when the perpetrator is not known." })
  perpetratorSex?: CaseSex | null;

  @Field(() => Boolean, { nullable: true })
  perpetratorProsecuted?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  perpetratorCounselled?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  referredToPolice?: boolean | null;

  @Field(() => CaseStatus, { nullable: true, description: "OPEN when omitted." })
  status?: CaseStatus | null;

  @Field(() => [CaseServiceInput], { nullable: true })
  services?: CaseServiceInput[] | null;

  @Field(() => String, { nullable: true, description: "A short working note (at most 500 characters); never names or ID numbers." })
  note?: string | null;
}
