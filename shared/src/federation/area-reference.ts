// The Area entity as seen by subgraphs that do not own it: only its key. Each such subgraph
// defines its own class with this factory (type-graphql attaches field resolvers per class, so a
// class shared between subgraphs would carry every subgraph's Area fields into all of them).
import { Directive, Field, ID, ObjectType } from "type-graphql";

export interface AreaKey {
  code: string;
}

export function defineAreaReference() {
  @Directive('@key(fields: "code")')
  @ObjectType("Area")
  class AreaReference implements AreaKey {
    @Field(() => ID)
    code!: string;
  }
  return AreaReference;
}

/** Any code is accepted here: the indicators subgraph decides whether the area exists. */
export function resolveAreaReference(reference: AreaKey): AreaKey {
  return { code: reference.code };
}

export const areaReferenceResolvers = { Area: { __resolveReference: resolveAreaReference } };
