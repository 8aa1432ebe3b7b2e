// Stable ids that client caches normalise by (Apollo Client, urql, Relay stores key objects by
// `__typename` + `id`). Every entity carries one; ids are opaque to clients but documented so
// tools can build them (decision 0090).
import { type ClassType, FieldResolver, ID, Resolver, Root } from "type-graphql";

/** An area of one hierarchy version: codes repeat across versions, so the version is part of the id. */
export const areaId = (hierarchy: string, code: string): string => `${hierarchy}:${code}`;

/** One indicator value: the indicator, at one area of one version, for one period. */
export const indicatorValueId = (indicatorCode: string, hierarchy: string, areaCode: string, period: string): string =>
  `${indicatorCode}:${areaId(hierarchy, areaCode)}:${period}`;

/**
 * An `id` field for a type identified by its code (indicators, data elements, campaigns...): the id is
 * the code, so a client may key such objects by either.
 */
export function codeIdResolver(type: ClassType, typeName: string) {
  @Resolver(() => type)
  class CodeIdResolver {
    @FieldResolver(() => ID, { description: `Stable id for client caches: the ${typeName}'s code.` })
    id(@Root() record: { code: string }): string {
      return record.code;
    }
  }
  Object.defineProperty(CodeIdResolver, "name", { value: `${typeName}IdResolver` });
  return CodeIdResolver;
}
