import { Directive, Field, ID, ObjectType } from "type-graphql";

/** The Agency entity of the plans subgraph, referenced here by its key. */
@Directive('@key(fields: "code", resolvable: false)')
@ObjectType("Agency")
export class AgencyReference {
  @Field(() => ID)
  code!: string;
}

@ObjectType({ description: "In an area and beneath it, the agency that reports a data element (and whose users alone enter it there)." })
export class DataElementReporter {
  @Field(() => ID)
  dataElementCode!: string;

  @Field(() => ID, { description: "The agency's area." })
  areaCode!: string;

  @Field(() => String, { description: "The hierarchy version of the area." })
  hierarchy!: string;

  @Field(() => AgencyReference)
  agency!: AgencyReference;
}
