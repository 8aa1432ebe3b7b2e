// Automatic persisted queries resolved before the response cache: a hash is replaced by its query,
// a query and its hash are checked and remembered, mistakes are 4xx with a code.
import crypto from "node:crypto";
import { PersistedQueries } from "../http/persisted-queries";

const QUERY = `{ area(code: "38") { name } }`;
const HASH = crypto.createHash("sha256").update(QUERY).digest("hex");
const persisted = (sha256Hash: string, version = 1) => ({ persistedQuery: { version, sha256Hash } });

describe("PersistedQueries", () => {
  it("leaves a request without the extension as it is", async () => {
    const body = { query: QUERY, variables: { a: 1 } };
    expect(await new PersistedQueries().resolve(body)).toEqual({ body });
  });

  it("answers an unknown hash 404, remembers a query sent with its hash, then resolves the hash alone", async () => {
    const queries = new PersistedQueries();
    expect(await queries.resolve({ extensions: persisted(HASH) })).toEqual({
      mistake: expect.objectContaining({ status: 404, code: "PERSISTED_QUERY_NOT_FOUND" }),
    });
    expect(await queries.resolve({ query: QUERY, extensions: persisted(HASH) })).toEqual({ body: { query: QUERY } });
    expect(await queries.resolve({ operationName: null, extensions: persisted(HASH.toUpperCase()) })).toEqual({ body: { operationName: null, query: QUERY } });
  });

  it("keeps other extensions and drops only the persisted query", async () => {
    const queries = new PersistedQueries();
    expect(await queries.resolve({ query: QUERY, extensions: { ...persisted(HASH), tracing: true } })).toEqual({
      body: { query: QUERY, extensions: { tracing: true } },
    });
  });

  it.each([
    ["a hash of another query", { query: QUERY, extensions: persisted("0".repeat(64)) }, 400, "PERSISTED_QUERY_HASH_MISMATCH"],
    ["a hash that is not hex SHA-256", { extensions: persisted("abc") }, 400, "BAD_REQUEST"],
    ["another version", { query: QUERY, extensions: persisted(HASH, 2) }, 400, "PERSISTED_QUERY_NOT_SUPPORTED"],
  ])("refuses %s", async (_case, body, status, code) => {
    expect(await new PersistedQueries().resolve(body)).toEqual({ mistake: expect.objectContaining({ status, code }) });
  });

  it("resolves GET search parameters the same way", async () => {
    const queries = new PersistedQueries();
    const extensions = JSON.stringify(persisted(HASH));
    expect(await queries.resolveSearch(new URLSearchParams({ extensions }))).toEqual({ mistake: expect.objectContaining({ status: 404 }) });
    await queries.resolveSearch(new URLSearchParams({ query: QUERY, extensions }));
    const resolved = await queries.resolveSearch(new URLSearchParams({ extensions, variables: "{}" }));
    expect("search" in resolved && Object.fromEntries(resolved.search)).toEqual({ query: QUERY, variables: "{}" });
    expect(await queries.resolveSearch(new URLSearchParams({ extensions: "{" }))).toEqual({
      mistake: expect.objectContaining({ status: 400, code: "BAD_REQUEST" }),
    });
  });
});
