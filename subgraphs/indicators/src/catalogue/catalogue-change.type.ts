import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "One change to the catalogue: who made it, when, and the definition before and after." })
export class CatalogueChange {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "DATA_ELEMENT, INDICATOR or DATA_SET." })
  kind!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String, { description: "CREATE, UPDATE or RETIRE." })
  action!: string;

  @Field(() => String, { description: "The subject of the credential that made the change." })
  changedBy!: string;

  @Field(() => String, { description: "ISO 8601." })
  changedAt!: string;

  @Field(() => String, { nullable: true, description: "The definition before the change, as JSON; null when it was created." })
  before!: string | null;

  @Field(() => String, { nullable: true, description: "The definition after the change, as JSON." })
  after!: string | null;
}
