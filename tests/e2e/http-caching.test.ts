// Caching and compression at the gateway's HTTP surface: entity tags and 304 for answers the response
// cache vouches for (a new tag once the data behind an answer change), none for confidential or failed
// answers, compressed bodies for large answers, and persisted queries answered from the response cache.
import crypto from "node:crypto";
import zlib from "node:zlib";
import { type TestSystem, authHeader, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");
const ROLLUP = `{ rollup(indicatorCodes: ["SEX_RATIO_AT_BIRTH"], periods: ["2024"], parentCode: "38") { area { code } numerator { total } } }`;
const SUBMIT = `mutation ($input: SubmitDataValuesInput!) { submitDataValues(input: $input) { imported updated rejected } }`;

async function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(system.gatewayUrl!, {
    method: "POST",
    headers: { "content-type": "application/json", ...(await authHeader()), ...headers },
    body: JSON.stringify(body),
  });
}

async function get(query: string, headers: Record<string, string> = {}) {
  return fetch(`${system.gatewayUrl}?query=${encodeURIComponent(query)}`, {
    headers: { ...(await authHeader()), "apollo-require-preflight": "true", ...headers },
  });
}

describe("entity tags and 304", () => {
  it("tags a cacheable answer, private to the caller, and answers 304 to a POST and a GET that hold it", async () => {
    const query = `{ area(code: "38") { name children { code } } }`;
    const first = await post({ query });
    const tag = first.headers.get("etag");
    expect(tag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    const text = await first.text();

    const again = await post({ query }, { "if-none-match": tag! });
    expect([again.status, again.headers.get("etag"), again.headers.get("x-response-cache")]).toEqual([304, tag, "HIT"]);
    expect(await again.text()).toBe("");

    const viaGet = await get(query, { "if-none-match": `"other", ${tag}` });
    expect(viaGet.status).toBe(304);
    const changedClient = await post({ query }, { "if-none-match": 'W/"something-else"' });
    expect([changedClient.status, await changedClient.text()]).toEqual([200, text]);
  });

  it("gives a new tag once a write changes the answer, and the old one no longer gets 304", async () => {
    const before = await post({ query: ROLLUP });
    const tag = before.headers.get("etag")!;
    expect((await post({ query: ROLLUP }, { "if-none-match": tag })).status).toBe(304);
    const written = await post({
      query: SUBMIT,
      variables: { input: { values: [{ dataElementCode: "LIVE_BIRTHS", areaCode: "14845", period: "2024", sex: "MALE", value: 70 }] } },
    });
    expect(((await written.json()) as { data: { submitDataValues: { rejected: number } } }).data.submitDataValues.rejected).toBe(0);
    const after = await post({ query: ROLLUP }, { "if-none-match": tag });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(tag);
    expect(await after.text()).not.toBe(await before.text());
  });

  it("gives the same answer in another media type another tag", async () => {
    const query = `{ area(code: "62") { name } }`;
    const json = await post({ query });
    const graphqlJson = await post({ query }, { accept: "application/graphql-response+json" });
    expect(graphqlJson.headers.get("etag")).not.toBe(json.headers.get("etag"));
    expect((await post({ query }, { accept: "application/graphql-response+json", "if-none-match": json.headers.get("etag")! })).status).toBe(200);
  });

  it("never tags, nor lets anyone store, confidential answers, mutations and answers with errors", async () => {
    const confidential = await post({ query: `{ area(code: "38") { caseStatistics(period: "2023") { __typename } } }` });
    const mutation = await post({ query: SUBMIT, variables: { input: { values: [] } } });
    const failed = await post({ query: `{ rollup(indicatorCodes: ["NO_SUCH_INDICATOR"], periods: ["2024"], parentCode: "38") { area { code } } }` });
    for (const response of [confidential, mutation, failed]) {
      expect([response.headers.get("etag"), response.headers.get("cache-control")]).toEqual([null, "no-store"]);
    }
    expect(confidential.headers.get("x-response-cache")).toBe("BYPASS");
    expect(((await failed.json()) as { errors?: unknown[] }).errors?.length).toBeGreaterThan(0);
  });
});

describe("compression", () => {
  const LARGE = `{ areas(level: DISTRICT) { code name level parent { code name } } }`;

  it("compresses a large answer with brotli or gzip as the client prefers, to the same JSON", async () => {
    const plain = await post({ query: LARGE }, { "accept-encoding": "identity" });
    const text = await plain.text();
    expect(Buffer.byteLength(text)).toBeGreaterThan(4096);
    expect(plain.headers.get("content-encoding")).toBeNull();
    for (const [acceptEncoding, encoding, decode] of [
      ["gzip, deflate, br", "br", zlib.brotliDecompressSync],
      ["gzip;q=1, br;q=0.5", "gzip", zlib.gunzipSync],
    ] as const) {
      const response = await rawPost({ query: LARGE }, { "accept-encoding": acceptEncoding });
      expect(response.headers["content-encoding"]).toBe(encoding);
      expect(response.headers.vary).toMatch(/accept-encoding/);
      expect(response.body.length).toBeLessThan(Buffer.byteLength(text) / 3);
      expect(decode(response.body).toString("utf8")).toBe(text);
    }
  });

  it("sends a small answer as it is", async () => {
    const response = await rawPost({ query: `{ area(code: "38") { name } }` }, { "accept-encoding": "gzip, br" });
    expect(response.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(response.body.toString("utf8"))).toEqual({ data: { area: { name: "Thanh Hóa" } } });
  });

  // fetch decompresses by itself: read the bytes as they travel.
  async function rawPost(body: unknown, headers: Record<string, string>) {
    const http = await import("node:http");
    const payload = JSON.stringify(body);
    const auth = await authHeader();
    return new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
      const request = http.request(system.gatewayUrl!, { method: "POST", headers: { "content-type": "application/json", ...auth, ...headers } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      });
      request.on("error", reject);
      request.end(payload);
    });
  }
});

describe("persisted queries", () => {
  it("answers a registered hash from the response cache, as it answers the same query sent in full", async () => {
    const query = `{ area(code: "38") { code name level } }`;
    const persistedQuery = { version: 1, sha256Hash: sha256(query) };
    const unknown = await post({ extensions: { persistedQuery } });
    expect(unknown.status).toBe(404);
    const registered = await post({ query, extensions: { persistedQuery } });
    expect([registered.status, registered.headers.get("x-response-cache")]).toEqual([200, "MISS"]);
    const byHash = await post({ extensions: { persistedQuery } });
    expect([byHash.status, byHash.headers.get("x-response-cache")]).toEqual([200, "HIT"]);
    const inFull = await post({ query });
    expect(inFull.headers.get("x-response-cache")).toBe("HIT");
    const answers = [await registered.text(), await byHash.text(), await inFull.text()];
    expect(new Set(answers).size).toBe(1);
    expect(JSON.parse(answers[0])).toEqual({ data: { area: { code: "38", name: "Thanh Hóa", level: "PROVINCE" } } });
  });

  it("answers a hash sent by GET (Apollo Client's useGETForHashedQueries) from the cache too", async () => {
    const query = `{ area(code: "62") { code level } }`;
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sha256(query) } });
    const headers = { ...(await authHeader()), "apollo-require-preflight": "true" };
    const unknown = await fetch(`${system.gatewayUrl}?extensions=${encodeURIComponent(extensions)}`, { headers });
    expect(unknown.status).toBe(404);
    const registered = await fetch(`${system.gatewayUrl}?query=${encodeURIComponent(query)}&extensions=${encodeURIComponent(extensions)}`, { headers });
    expect(registered.status).toBe(200);
    const byHash = await fetch(`${system.gatewayUrl}?extensions=${encodeURIComponent(extensions)}`, { headers });
    expect([byHash.status, byHash.headers.get("x-response-cache")]).toEqual([200, "HIT"]);
    expect(await byHash.json()).toEqual(await registered.json());
  });
});
