import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { AreaLevel } from "./area.enums";

// Codes repeat across hierarchy versions, so an area is identified by code and version.
@Directive('@key(fields: "code hierarchy")')
@ObjectType({ description: "An administrative unit of one hierarchy version: the nation, a province, a district (before the 2025 reform) or a commune." })
export class Area {
  @Field(() => ID, { description: 'Official GSO code with its leading zeros ("38", "380", "14845"); "VN" for the nation. Unique within a hierarchy version.' })
  code!: string;

  @Field(() => String, { name: "hierarchy", description: 'The hierarchy version the area belongs to, e.g. "2025-03" or "2025-07".' })
  hierarchyCode!: string;

  @Field(() => AreaLevel)
  level!: AreaLevel;

  @Field(() => String, { description: 'Official name in Vietnamese, e.g. "Thanh Hóa".' })
  name!: string;

  @Field(() => String, { description: 'Name without diacritics, e.g. "Thanh Hoa".' })
  nameEn!: string;

  @Field(() => String, { description: 'Name with the unit type, in Vietnamese, e.g. "Tỉnh Thanh Hóa".' })
  fullName!: string;

  @Field(() => String, { description: 'Name with the unit type, in English, e.g. "Thanh Hoa Province".' })
  fullNameEn!: string;

  parentCode!: string | null;
}

export enum AreaMappingKind {
  FULL = "FULL",
  PARTIAL = "PARTIAL",
}

registerEnumType(AreaMappingKind, {
  name: "AreaMappingKind",
  description: "FULL: the whole old unit went into the new one. PARTIAL: only part of it did (the old unit was split).",
});

@ObjectType({ description: "A published link between a unit of one hierarchy version and a unit of the next." })
export class AreaMapping {
  @Field(() => Area, { description: "The unit on the other side of the link." })
  area!: Area;

  @Field(() => AreaMappingKind)
  kind!: AreaMappingKind;
}

@ObjectType({ description: "A version of the administrative hierarchy and the days it is in force." })
export class Hierarchy {
  @Field(() => ID, { description: 'E.g. "2025-07".' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: "First day in force (YYYY-MM-DD); null for the earliest version, which answers for every earlier period.",
  })
  validFrom!: string | null;

  @Field(() => String, { nullable: true, description: "Last day in force (YYYY-MM-DD); null for the newest version." })
  validTo!: string | null;
}
