import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Area } from "../area/area.type";

@Directive('@key(fields: "code")')
@ObjectType({ description: "A communication campaign, e.g. the Action Month for gender equality (15/11 - 15/12)." })
export class Campaign {
  id!: string;

  @Field(() => ID, { description: 'Stable code, e.g. "ACTION-MONTH-2023-38".' })
  code!: string;

  @Field(() => String, { description: "Name in Vietnamese." })
  name!: string;

  @Field(() => String, { nullable: true })
  nameEn!: string | null;

  @Field(() => String, { nullable: true })
  theme!: string | null;

  @Field(() => String, { description: "First day (YYYY-MM-DD)." })
  startDate!: string;

  @Field(() => String, { description: "Last day (YYYY-MM-DD)." })
  endDate!: string;

  @Field(() => Area, { description: "The area that organises the campaign." })
  organisingArea!: Area;

  @Field(() => [Area], { description: "The areas taking part, the organiser included." })
  areas!: Area[];
}
