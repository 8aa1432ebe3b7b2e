// End-to-end testkit: the whole system (gateway + four subgraphs) on a fresh test database,
// with the demo data, on free ports; each test states only what is special about it.
import { GraphQLClient } from "graphql-request";
import { Role, type TokenClaims, loadAuthConfig, signToken } from "@vnge/shared";
import { createTestDatabase, type TestDatabase } from "@vnge/shared/testing/test-database";
import { type RunningSystem, type SystemOptions, startSystem } from "@vnge/system";

export type Caller = Partial<TokenClaims>;

/** A national administrator: the default caller of tests that are not about access. */
export const ADMIN: Caller = { subject: "test-admin", roles: [Role.ADMIN], areaCodes: ["VN"] };

export async function tokenFor(caller: Caller = ADMIN, expiresInSeconds = 600): Promise<string> {
  const config = loadAuthConfig();
  return signToken(
    { subject: caller.subject ?? "test-user", roles: caller.roles ?? [], areaCodes: caller.areaCodes ?? [], agencyCode: caller.agencyCode },
    { secret: config.secret!, issuer: config.issuer, audience: config.audience, expiresInSeconds },
  );
}

export async function authHeader(caller: Caller = ADMIN): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await tokenFor(caller)}` };
}

export interface TestSystem extends RunningSystem {
  db: TestDatabase;
  /** The gateway, called by a national administrator. */
  gateway: GraphQLClient;
  /** The gateway, called by someone else. */
  as(caller: Caller): Promise<GraphQLClient>;
  /** A subgraph called directly (bypassing the gateway), by an administrator unless told otherwise. */
  subgraph(name: keyof RunningSystem["subgraphUrls"], caller?: Caller): Promise<GraphQLClient>;
  close(): Promise<void>;
}

/**
 * A system on a fresh database. The demo it loads by default is its part before the reform: most suites test
 * rules on 2023 figures and ask for areas by code in the version in force today, which with the whole demo is
 * the 34-province one. Suites of the present pass seedDemo: true.
 */
export async function startTestSystem(options: Partial<SystemOptions> = {}): Promise<TestSystem> {
  const db = options.db ? (options.db as TestDatabase) : await createTestDatabase();
  const system = await startSystem({ seedDemo: "before-reform", ...options, db, ports: "random" });
  const client = async (url: string | undefined, caller: Caller) =>
    new GraphQLClient(url ?? "http://service-not-started", { headers: await authHeader(caller) });
  return {
    ...system,
    db,
    gateway: await client(system.gatewayUrl, ADMIN),
    as: (caller) => client(system.gatewayUrl, caller),
    subgraph: (name, caller = ADMIN) => client(system.subgraphUrls[name], caller),
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
  const text = await response.text();
  let body: GraphQLBody;
  try {
    body = JSON.parse(text) as GraphQLBody;
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: response.status, headers: response.headers, body };
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** A partner API key issued on the test system's database (shown once, as to a partner). */
export async function createPartnerKey(
  system: TestSystem,
  options: { name: string; areaCodes: string[]; rateLimitPerMinute: number; trustedDocumentsOnly?: boolean },
): Promise<string> {
  const { ApiKeyService } = await import("@vnge/gateway");
  const { key } = await new ApiKeyService(system.db, loadAuthConfig()).create({ ...options, expiresAt: new Date(Date.now() + 86_400_000) });
  return key;
}

/** Moves only the date (timers keep running, so the servers and the database work as usual). */
export function setClock(iso: string): void {
  jest.useFakeTimers({
    now: new Date(iso),
    doNotFake: [
      "hrtime",
      "nextTick",
      "performance",
      "queueMicrotask",
      "requestAnimationFrame",
      "cancelAnimationFrame",
      "requestIdleCallback",
      "cancelIdleCallback",
      "setImmediate",
      "clearImmediate",
      "setInterval",
      "clearInterval",
      "setTimeout",
      "clearTimeout",
    ],
  });
}
