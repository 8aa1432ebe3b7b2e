// A subgraph's operations executed by graphql-jit instead of graphql-js (decision 0122): each distinct operation is
// compiled once into a function that resolves it, and Apollo Server keeps parsing, validating, its plugins and the
// formatting of errors. Apollo Server takes a custom executor only through its `gateway` option, so the schema is
// handed over that way: the subgraph is not a gateway.
import type { ApolloServerOptionsWithGateway, BaseContext } from "@apollo/server";
import { GraphQLError, type GraphQLSchema, type Source, getVariableValues, printSchema } from "graphql";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";

type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>["gateway"];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface["load"]>>["executor"]>;

/** Distinct operations kept compiled; beyond this the least recently used is compiled again when it returns. */
export const COMPILED_OPERATIONS = 500;

/**
 * graphql-jit's errors leave `extensions` undefined where graphql-js's are {}, and Apollo Server, reading their code,
 * would answer each as an internal error without its path: each becomes the error graphql-js would have made.
 */
function asGraphQLErrors(errors: readonly GraphQLError[], source: Source): GraphQLError[] {
  if (errors.every((error) => error.extensions)) return [...errors];
  const lineStarts = [0];
  for (let i = 0; i < source.body.length; i++) if (source.body[i] === "\n") lineStarts.push(i + 1);
  return errors.map((error) => {
    if (error.extensions) return error;
    const positions = error.locations?.map(({ line, column }) => (lineStarts[line - 1] ?? 0) + column - 1);
    return new GraphQLError(error.message, { source, positions, path: error.path, originalError: error.originalError ?? undefined });
  });
}

export function compiledExecution(schema: GraphQLSchema, capacity = COMPILED_OPERATIONS): GatewayInterface {
  const compiled = new Map<string, CompiledQuery>();
  const executor: GatewayExecutor = async (request) => {
    const variables = request.request.variables ?? {};
    const operationName = request.operationName ?? request.request.operationName ?? undefined;
    const key = `${operationName ?? ""}\n${request.source}`;
    let query = compiled.get(key);
    if (query) {
      compiled.delete(key); // most recently used last
    } else {
      const result = compileQuery(schema, request.document, operationName);
      if (!isCompiledQuery(result)) return result;
      query = result;
      if (compiled.size >= capacity) compiled.delete(compiled.keys().next().value as string);
    }
    compiled.set(key, query);
    const result = await query.query(undefined, request.context, variables);
    if (result.data === undefined && result.errors) {
      // No data at all: the variables were refused. graphql-js's errors for them point at the variable's definition,
      // which Apollo Server answers as BAD_USER_INPUT; graphql-jit's own would reach the client as internal errors.
      const coerced = getVariableValues(schema, request.operation.variableDefinitions ?? [], variables);
      if (coerced.errors) return { errors: coerced.errors };
    }
    const source = request.document.loc?.source;
    return result.errors && source ? { ...result, errors: asGraphQLErrors(result.errors, source) } : result;
  };
  return {
    async load() {
      return { schema, executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async stop() {},
  };
}
