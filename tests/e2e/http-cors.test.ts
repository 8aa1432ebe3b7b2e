// Browsers on other origins: preflights answered for the allowed origins (the local development ones by
// default, CORS_ORIGINS otherwise), the headers clients read exposed, never credentials, and Apollo
// Server's CSRF prevention still refusing the simple requests a page can send without a preflight.
import { type RunningServer, createTokenVerifier, loadAuthConfig } from "@vnge/shared";
import { startGateway } from "@vnge/gateway";
import { type TestSystem, authHeader, startTestSystem } from "../testkit";

let system: TestSystem;
let configured: RunningServer;
const savedOrigins = process.env.CORS_ORIGINS;
beforeAll(async () => {
  system = await startTestSystem();
  process.env.CORS_ORIGINS = "https://dashboard.example.gov.vn, https://*.partners.example.vn";
  configured = await startGateway({ verifyToken: createTokenVerifier(loadAuthConfig()), port: 0, subgraphUrls: system.subgraphUrls as Record<string, string> });
});
afterAll(async () => {
  if (savedOrigins === undefined) delete process.env.CORS_ORIGINS;
  else process.env.CORS_ORIGINS = savedOrigins;
  await configured?.close();
  await system?.close();
});

const preflight = (url: string, origin: string, headers = "authorization,content-type,x-request-id") =>
  fetch(url, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": headers } });

async function queryFrom(url: string, origin: string, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: "POST",
    headers: { origin, "content-type": "application/json", ...(await authHeader()), ...headers },
    body: JSON.stringify({ query: `{ area(code: "38") { name } }` }),
  });
}

describe("CORS with the development default", () => {
  it.each(["http://localhost:5173", "http://127.0.0.1:8080", "http://[::1]:3000"])(
    "answers a preflight from %s 204 with what a client needs",
    async (origin) => {
      const response = await preflight(system.gatewayUrl!, origin, "authorization,content-type,x-api-key,apollo-require-preflight,x-request-id");
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe(origin);
      expect(response.headers.get("access-control-allow-methods")?.split(",")).toEqual(expect.arrayContaining(["GET", "POST"]));
      const allowed = response.headers.get("access-control-allow-headers")?.split(",") ?? [];
      expect(allowed).toEqual(expect.arrayContaining(["authorization", "content-type", "x-api-key", "apollo-require-preflight", "x-request-id"]));
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
      expect(response.headers.get("vary")).toMatch(/origin/i);
    },
  );

  it("lets an allowed page read the answer and the request id and cache status, without credentials", async () => {
    const response = await queryFrom(system.gatewayUrl!, "http://localhost:5173");
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(response.headers.get("access-control-expose-headers")?.split(",")).toEqual(expect.arrayContaining(["x-request-id", "x-response-cache", "etag"]));
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("lets an allowed page read a refusal too (401 without a token)", async () => {
    const response = await fetch(system.gatewayUrl!, {
      method: "POST",
      headers: { origin: "http://localhost:5173", "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
  });

  it.each(["https://evil.example", "http://localhost.evil.example:5173", "null"])(
    "gives %s no CORS header, so its page cannot read anything",
    async (origin) => {
      const answer = await preflight(system.gatewayUrl!, origin);
      expect(answer.headers.get("access-control-allow-origin")).toBeNull();
      const response = await queryFrom(system.gatewayUrl!, origin);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    },
  );
});

describe("CSRF prevention beside CORS", () => {
  it("refuses a simple POST a form could send (text/plain), from any origin", async () => {
    const response = await fetch(system.gatewayUrl!, {
      method: "POST",
      headers: { origin: "http://localhost:5173", "content-type": "text/plain", ...(await authHeader()) },
      body: JSON.stringify({ query: `{ area(code: "38") { name } }` }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe("BAD_REQUEST");
  });

  it("refuses a GET without a preflighted header and answers one with apollo-require-preflight", async () => {
    const url = `${system.gatewayUrl}?query=${encodeURIComponent(`{ area(code: "38") { name } }`)}`;
    expect((await fetch(url, { headers: await authHeader() })).status).toBe(400);
    expect((await fetch(url, { headers: { ...(await authHeader()), "apollo-require-preflight": "true" } })).status).toBe(200);
  });
});

describe("CORS_ORIGINS", () => {
  it("allows exactly the configured origins and subdomain patterns, and no longer the development ones", async () => {
    const allowed = ["https://dashboard.example.gov.vn", "https://app.partners.example.vn", "https://a.b.partners.example.vn"];
    const refused = ["http://localhost:5173", "http://dashboard.example.gov.vn", "https://partners.example.vn", "https://dashboard.example.gov.vn:8443"];
    for (const origin of allowed)
      expect([origin, (await preflight(configured.url, origin)).headers.get("access-control-allow-origin")]).toEqual([origin, origin]);
    for (const origin of refused)
      expect([origin, (await preflight(configured.url, origin)).headers.get("access-control-allow-origin")]).toEqual([origin, null]);
  });
});
