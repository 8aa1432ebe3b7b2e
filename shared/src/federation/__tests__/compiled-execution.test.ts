import { ApolloServer } from "@apollo/server";
import { GraphQLError, type GraphQLSchema, buildSchema, execute, parse } from "graphql";
import * as jit from "graphql-jit";
import { createErrorFormatter } from "../../errors";
import { serviceLogger } from "../../logger";
import { compiledExecution } from "../compiled-execution";

jest.mock("graphql-jit", () => {
  const actual = jest.requireActual("graphql-jit");
  return { ...actual, compileQuery: jest.fn(actual.compileQuery) };
});
const compileQuery = jit.compileQuery as jest.MockedFunction<typeof jit.compileQuery>;

interface Context {
  caller: string;
}

function areaSchema(): GraphQLSchema {
  const schema = buildSchema(`
    type Area { code: ID! name: String! parent: Area children: [Area!]! population(sex: String): Float }
    type Query { area(code: ID!): Area whoami: String! refused: String unreachable: String }
  `);
  const areas: Record<string, { code: string; name: string; parent: string | null }> = {
    VN: { code: "VN", name: "Viet Nam", parent: null },
    "01": { code: "01", name: "Ha Noi", parent: "VN" },
    "79": { code: "79", name: "Ho Chi Minh", parent: "VN" },
  };
  const areaType = schema.getType("Area") as import("graphql").GraphQLObjectType;
  const fields = areaType.getFields();
  fields.parent.resolve = (area: { parent: string | null }) => (area.parent ? areas[area.parent] : null);
  fields.children.resolve = (area: { code: string }) => Object.values(areas).filter((a) => a.parent === area.code);
  fields.population.resolve = async (area: { code: string }, args: { sex?: string }) => (area.code.length * 100) / (args.sex ? 2 : 1);
  const query = schema.getQueryType()!.getFields();
  query.area.resolve = (_root, args: { code: string }) => areas[args.code] ?? null;
  query.whoami.resolve = (_root, _args, context: Context) => context.caller;
  query.unreachable.resolve = async () => {
    // what the PostgreSQL driver throws when the server is away
    throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
  };
  query.refused.resolve = () => {
    throw new GraphQLError("not for you", { extensions: { code: "FORBIDDEN" } });
  };
  return schema;
}

const DASHBOARD = `query Dashboard($code: ID!, $sex: String) {
  whoami
  area(code: $code) { code ...names children { code population(sex: $sex) parent { code } } }
  national: area(code: "VN") { population }
  refused
}
fragment names on Area { name }`;

describe("compiled execution of a subgraph's operations", () => {
  const schema = areaSchema();

  beforeEach(() => compileQuery.mockClear());

  async function serve(capacity?: number) {
    const server = new ApolloServer<Context>({ gateway: compiledExecution(schema, capacity), formatError: createErrorFormatter(serviceLogger("test")) });
    await server.start();
    const run = async (query: string, variables: Record<string, unknown> = {}) => {
      const response = await server.executeOperation({ query, variables }, { contextValue: { caller: "clerk" } });
      if (response.body.kind !== "single") throw new Error("expected a single result");
      return { status: response.http.status, ...response.body.singleResult };
    };
    return { server, run };
  }

  it("answers as graphql-js does: data, aliases, fragments, variables, context and errors with their paths", async () => {
    const { server, run } = await serve();
    try {
      const variables = { code: "VN", sex: "FEMALE" };
      const expected = await execute({ schema, document: parse(DASHBOARD), variableValues: variables, contextValue: { caller: "clerk" } });
      const answer = await run(DASHBOARD, variables);
      expect(answer.data).toEqual(JSON.parse(JSON.stringify(expected.data)));
      const shape = (e: { message: string; path?: readonly (string | number)[]; locations?: readonly unknown[]; extensions?: Record<string, unknown> }) => ({
        message: e.message,
        path: e.path,
        locations: e.locations,
        code: e.extensions?.code,
      });
      expect(answer.errors?.map(shape)).toEqual([{ message: "not for you", path: ["refused"], locations: [{ line: 5, column: 3 }], code: "FORBIDDEN" }]);
      expect(answer.errors?.map(shape)).toEqual(expected.errors?.map((e) => shape(e.toJSON())));
      expect(compileQuery).toHaveBeenCalledTimes(1);
    } finally {
      await server.stop();
    }
  });

  it("keeps a resolver's error its path and its cause, so a lost database is still DATABASE_UNAVAILABLE", async () => {
    const { server, run } = await serve();
    try {
      const answer = await run("query Lost {\n  whoami\n  unreachable\n}");
      expect(answer.data).toEqual({ whoami: "clerk", unreachable: null });
      expect(answer.errors).toEqual([
        { message: "The database is unavailable; try again shortly.", path: ["unreachable"], extensions: { code: "DATABASE_UNAVAILABLE" } },
      ]);
    } finally {
      await server.stop();
    }
  });

  it("refuses variables of the wrong type as a client's mistake, as graphql-js does", async () => {
    const { server, run } = await serve();
    try {
      const answer = await run(DASHBOARD, { code: ["VN"] });
      expect(answer.data).toBeUndefined();
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(answer.errors?.[0].message).toMatch(/^Variable "\$code" got invalid value/);
    } finally {
      await server.stop();
    }
  });

  it("compiles an operation once and runs it again compiled, forgetting the least recently used beyond its capacity", async () => {
    const { server, run } = await serve(2);
    try {
      const first = "query First { whoami }";
      const second = 'query Second { national: area(code: "VN") { code } }';
      const third = 'query Third { area(code: "01") { name } }';
      await run(first);
      await run(second);
      await run(first);
      expect(compileQuery).toHaveBeenCalledTimes(2);
      await run(third); // forgets Second, used longest ago
      await run(first);
      expect(compileQuery).toHaveBeenCalledTimes(3);
      expect((await run(second)).data).toEqual({ national: { code: "VN" } });
      expect(compileQuery).toHaveBeenCalledTimes(4);
    } finally {
      await server.stop();
    }
  });
});
