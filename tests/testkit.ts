// End-to-end testkit: the whole system (gateway + four subgraphs) on a fresh test database,
// with the demo data, on free ports; each test states only what is special about it.
import { GraphQLClient } from "graphql-request";
import { createTestDatabase, type TestDatabase } from "@vnge/shared/testing/test-database";
import { type RunningSystem, type SystemOptions, startSystem } from "@vnge/system";

export interface TestSystem extends RunningSystem {
  db: TestDatabase;
  gateway: GraphQLClient;
  subgraph(name: keyof RunningSystem["subgraphUrls"]): GraphQLClient;
  close(): Promise<void>;
}

export async function startTestSystem(options: Partial<SystemOptions> = {}): Promise<TestSystem> {
  const db = options.db ? (options.db as TestDatabase) : await createTestDatabase();
  const system = await startSystem({ seedDemo: true, ...options, db, ports: "random" });
  return {
    ...system,
    db,
    gateway: new GraphQLClient(system.gatewayUrl ?? "http://gateway-not-started"),
    subgraph: (name) => new GraphQLClient(system.subgraphUrls[name] ?? `http://${name}-not-started`),
    async close() {
      await system.stop();
      await db.dispose();
    },
  };
}

/** Posts a raw GraphQL request and returns the parsed body, errors included (graphql-request throws on them). */
export async function postGraphQL(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLBody };
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}
