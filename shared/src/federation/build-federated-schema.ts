// The one place that turns type-graphql resolvers into an Apollo Federation 2 subgraph schema.
import "reflect-metadata";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { type GraphQLSchema, parse } from "graphql";
import { type BuildSchemaOptions, buildSchema, createResolversMap, getMetadataStorage } from "type-graphql";
import { authChecker } from "../auth/auth-checker";
import { validateInput } from "./input-validation";

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@override", "@tag"])';

/** `__resolveReference` functions per entity type name, typed by their key fields. */
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: never, context: never) => unknown; [field: string]: unknown }>;

/**
 * A field with no roles, middlewares or resolver of its own is a property read: it is left to graphql-js's default
 * resolver. type-graphql would otherwise wrap each one, and a rollup's hundreds of rows pay an object and a call per
 * field (docs/decisions/0116-read-path-cpu.md). A field that gains roles or middlewares keeps its wrapper.
 */
function readPlainFieldsDirectly(options: Pick<BuildSchemaOptions, "globalMiddlewares">): void {
  if (options.globalMiddlewares?.length) return;
  for (const field of getMetadataStorage().fields) {
    if (field.simple === undefined && !field.roles && !field.middlewares?.length && field.name === field.schemaName) field.simple = true;
  }
}

/** Every argument is validated by its class-validator decorators, the same way in every subgraph (input-validation.ts). */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, "skipCheck" | "validate" | "validateFn">,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  readPlainFieldsDirectly(options);
  const schema = await buildSchema({ authChecker, authMode: "error", ...options, validateFn: validateInput, skipCheck: true });
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as Record<string, object>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...resolvers[typeName], ...reference };
  }
  // The resolver map's type differs between @apollo/subgraph releases; its shape does not.
  return buildSubgraphSchema([{ typeDefs, resolvers: resolvers as never }]);
}
