import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Area } from "../area/area.type";
import { AreaLevel } from "../target/target.enums";
import { AgencyKind } from "./agency.enums";

@Directive('@key(fields: "code")')
@ObjectType({ description: "A body of an area that leads or supports targets: a department (Sở), a board, a mass organisation, a statistics office..." })
export class Agency {
  @Field(() => ID, { description: 'Stable code: the area\'s code, then a short name, e.g. "62-SYT".' })
  code!: string;

  @Field(() => String, { description: "Name in English (the Vietnamese name where none was given)." })
  name!: string;

  @Field(() => String, { description: "Name in Vietnamese, as documents write it." })
  nameVi!: string;

  @Field(() => AgencyKind)
  kind!: AgencyKind;

  @Field(() => AreaLevel, { description: "The level of its area." })
  level!: AreaLevel;

  @Field(() => [String], { description: 'Other ways documents write its name, e.g. "Hội LHPN tỉnh"; plan imports match them too.' })
  aliases!: string[];

  areaCode!: string;

  @Field(() => Area, { description: "The area it belongs to, in the hierarchy version it was defined in." })
  area!: { code: string; hierarchy: string };
}
