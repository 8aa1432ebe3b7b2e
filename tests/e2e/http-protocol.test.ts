// GraphQL over HTTP at the gateway: every client mistake is a 4xx with a code (never 500), and the
// media type the client accepts is the one it gets, on every path (computed, cached, refused).
import crypto from "node:crypto";
import { type TestSystem, authHeader, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

const GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";
const AREA = `{ area(code: "38") { name } }`;
const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

interface Sent {
  status: number;
  contentType: string | null;
  cache: string | null;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function send(body: unknown, headers: Record<string, string> = {}): Promise<Sent> {
  const response = await fetch(system.gatewayUrl!, {
    method: "POST",
    headers: { "content-type": "application/json", ...(await authHeader()), ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    cache: response.headers.get("x-response-cache"),
    body: (await response.json()) as Sent["body"],
  };
}

const codeOf = (sent: Sent) => sent.body.errors?.[0]?.extensions?.code;

describe("client mistakes", () => {
  it.each([
    ["a syntax error", 400, "GRAPHQL_PARSE_FAILED", { query: "{ area(code: " }],
    ["a document over the token limit", 400, "GRAPHQL_PARSE_FAILED", { query: `{ ${"__typename ".repeat(4100)}}` }],
    ["an unknown field", 400, "GRAPHQL_VALIDATION_FAILED", { query: "{ nope }" }],
    [
      "a selection deeper than the limit",
      400,
      "GRAPHQL_VALIDATION_FAILED",
      { query: `{ area(code: "38") { ${"parent { ".repeat(16)}code${" }".repeat(16)} } }` },
    ],
    ["several operations without operationName", 400, "OPERATION_RESOLUTION_FAILURE", { query: `query A ${AREA} query B { areas(level: PROVINCE) { code } }` }],
    ["an unknown operationName", 400, "OPERATION_RESOLUTION_FAILURE", { query: `query A ${AREA}`, operationName: "B" }],
    ["a document without operations", 400, "GRAPHQL_VALIDATION_FAILED", { query: "fragment F on Area { code }" }],
    [
      "a persisted query hash never registered",
      404,
      "PERSISTED_QUERY_NOT_FOUND",
      { extensions: { persistedQuery: { version: 1, sha256Hash: sha256("{ never { sent } }") } } },
    ],
    [
      "a persisted query hash that is not the query's",
      400,
      "PERSISTED_QUERY_HASH_MISMATCH",
      { query: AREA, extensions: { persistedQuery: { version: 1, sha256Hash: sha256("{ other }") } } },
    ],
    [
      "a persisted query of an unknown version",
      400,
      "PERSISTED_QUERY_NOT_SUPPORTED",
      { query: AREA, extensions: { persistedQuery: { version: 2, sha256Hash: sha256(AREA) } } },
    ],
    ["a body that is not JSON", 400, "BAD_REQUEST", "{ query: "],
    ["a batch", 400, "BAD_REQUEST", [{ query: AREA }, { query: AREA }]],
    ["no query at all", 400, "BAD_REQUEST", {}],
  ] as [string, number, string, unknown][])("answers %s with %d %s, in either media type", async (_case, status, code, body) => {
    for (const accept of ["application/json", GRAPHQL_RESPONSE_JSON]) {
      const sent = await send(body, { accept });
      expect({ status: sent.status, code: codeOf(sent), contentType: sent.contentType }).toEqual({ status, code, contentType: `${accept}; charset=utf-8` });
      expect(JSON.stringify(sent.body)).not.toMatch(/Internal server error|stack/i);
    }
  });

  it("answers a path other than /graphql 404 with a code", async () => {
    const response = await fetch(new URL("/nothing-here", system.gatewayUrl!), { headers: await authHeader() });
    expect(response.status).toBe(404);
    expect(((await response.json()) as Sent["body"]).errors?.[0].extensions?.code).toBe("NOT_FOUND");
  });
});

describe("the accepted media type", () => {
  it("is the GraphQL response type on a miss, on a cache hit and on a GET hit when the client asks for it", async () => {
    const query = `{ area(code: "62") { name code } }`;
    const miss = await send({ query }, { accept: GRAPHQL_RESPONSE_JSON });
    const hit = await send({ query }, { accept: GRAPHQL_RESPONSE_JSON });
    expect([miss.cache, hit.cache]).toEqual(["MISS", "HIT"]);
    expect([miss.contentType, hit.contentType]).toEqual([`${GRAPHQL_RESPONSE_JSON}; charset=utf-8`, `${GRAPHQL_RESPONSE_JSON}; charset=utf-8`]);
    expect(hit.body).toEqual(miss.body);
    const get = await fetch(`${system.gatewayUrl}?query=${encodeURIComponent(query)}`, {
      headers: { ...(await authHeader()), accept: GRAPHQL_RESPONSE_JSON, "apollo-require-preflight": "true" },
    });
    expect([get.headers.get("x-response-cache"), get.headers.get("content-type")]).toEqual(["HIT", `${GRAPHQL_RESPONSE_JSON}; charset=utf-8`]);
  });

  it("is JSON on a hit for a client that prefers it, and 406 for a client that accepts neither", async () => {
    await send({ query: AREA });
    const preferring = await send({ query: AREA }, { accept: `application/json, ${GRAPHQL_RESPONSE_JSON};q=0.5` });
    expect([preferring.cache, preferring.contentType]).toEqual(["HIT", "application/json; charset=utf-8"]);
    const neither = await send({ query: AREA }, { accept: "text/csv" });
    expect(neither.status).toBe(406);
  });
});
