import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Area } from "../area/area.type";
import { PlanStatus, PlanType } from "./plan.enums";

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A gender-equality plan ("Kế hoạch") issued by an area for a span of years.' })
export class Plan {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "Title in Vietnamese, as issued." })
  title!: string;

  @Field(() => String, { nullable: true })
  titleEn!: string | null;

  @Field(() => PlanType)
  type!: PlanType;

  @Field(() => Int)
  startYear!: number;

  @Field(() => Int)
  endYear!: number;

  @Field(() => String, { nullable: true, description: 'Number of the issuing document, e.g. "16/KH-BVSTBCPN".' })
  documentNumber!: string | null;

  @Field(() => String, { nullable: true, description: "Date of the issuing document (YYYY-MM-DD)." })
  documentDate!: string | null;

  @Field(() => PlanStatus)
  status!: PlanStatus;

  @Field(() => Area, { description: "The area whose authority issued the plan." })
  area!: Area;

  parentPlanId!: string | null;
}
