// Access at the gateway and straight at each subgraph: no credential, bad credentials, forwarded
// identity headers, and operations refused before execution.
import { SignJWT } from "jose";
import { Role } from "@vnge/shared";
import { type TestSystem, authHeader, createPartnerKey, postGraphQL, startTestSystem, tokenFor } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

const AREA_QUERY = `{ area(code: "38") { name } }`;
const everyPort = () => [system.gatewayUrl!, ...Object.values(system.subgraphUrls).map((url) => url!)];

async function expectRefused(headers: Record<string, string>, message: RegExp) {
  for (const url of everyPort()) {
    const { status, body } = await postGraphQL(url, AREA_QUERY, undefined, headers);
    expect({ url, status, data: body.data ?? null }).toEqual({ url, status: 401, data: null });
    expect(body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(body.errors?.[0].message).toMatch(message);
  }
}

describe("authentication", () => {
  it("refuses every query without a credential, at the gateway and at each subgraph", async () => {
    await expectRefused({}, /Authentication required/);
    // A mutation-shaped or entity request is refused the same way, before any resolver runs.
    const entities = await postGraphQL(
      system.subgraphUrls.indicators!,
      `{ _entities(representations: [{ __typename: "Area", code: "38" }]) { ... on Area { name } } }`,
    );
    expect(entities.status).toBe(401);
  });

  it("ignores identity headers that anyone could forward", async () => {
    await expectRefused({ "x-forwarded-user": "admin", "x-user-roles": "ADMIN", "x-request-id": "r1" }, /Authentication required/);
  });

  it("refuses expired, forged and unsigned tokens", async () => {
    const expired = await tokenFor({ roles: [Role.ADMIN], areaCodes: ["VN"] }, -30);
    await expectRefused({ authorization: `Bearer ${expired}` }, /expired/);

    const forged = await new SignJWT({ roles: ["ADMIN"], areas: ["VN"] })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("mallory")
      .setIssuer("vnge")
      .setAudience("vnge-api")
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode("a-key-that-is-not-the-configured-one-at-all"));
    await expectRefused({ authorization: `Bearer ${forged}` }, /not valid/);

    const [, payload] = (await tokenFor()).split(".");
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString("base64url")}.${payload}.`;
    await expectRefused({ authorization: `Bearer ${unsigned}` }, /not valid/);
  });

  it("serves health checks without a credential", async () => {
    for (const url of everyPort()) {
      expect((await fetch(url.replace(/graphql$/, "healthz"))).status).toBe(200);
    }
  });

  it("admits a valid token at the gateway and at each subgraph", async () => {
    const headers = await authHeader({ roles: [Role.PARTNER], areaCodes: [] });
    const queries: [string, string, unknown][] = [
      [system.gatewayUrl!, AREA_QUERY, { area: { name: "Thanh Hóa" } }],
      [system.subgraphUrls.indicators!, AREA_QUERY, { area: { name: "Thanh Hóa" } }],
      [system.subgraphUrls.plans!, `{ plans(areaCode: "62") { documentNumber } }`, { plans: [{ documentNumber: "16/KH-BVSTBCPN" }] }],
      [system.subgraphUrls.cases!, `{ supportFacilities(areaCode: "381") { kind } }`, { supportFacilities: [{ kind: "SHELTER" }] }],
      [system.subgraphUrls.communications!, `{ campaign(code: "ACTION-MONTH-2023-030") { endDate } }`, { campaign: { endDate: "2023-12-15" } }],
    ];
    for (const [url, query, data] of queries) {
      expect((await postGraphQL(url, query, undefined, headers)).body).toEqual({ data });
    }
  });
});

describe("operation limits at the gateway", () => {
  let headers: Record<string, string>;
  beforeAll(async () => {
    headers = await authHeader();
  });

  const expectRefusedBeforeExecution = async (query: string, message: RegExp) => {
    const { status, body } = await postGraphQL(system.gatewayUrl!, query, undefined, headers);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.map((e) => e.message).join("\n")).toMatch(message);
  };

  it("refuses a query nested 50 levels deep", async () => {
    const deep = `{ area(code: "38") { ${"parent { ".repeat(49)}code${" }".repeat(49)} } }`;
    await expectRefusedBeforeExecution(deep, /depth/i);
  });

  it("refuses a query with 1,000 aliases, and one with fewer aliases than tokens allow but too many", async () => {
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: area(code: "38") { code }`).join(" ");
    await expectRefusedBeforeExecution(`{ ${aliases(1000)} }`, /4000 tokens/);
    await expectRefusedBeforeExecution(`{ ${aliases(100)} }`, /Aliases limit of 30 exceeded/);
  });

  it("refuses a 1 MB query document", async () => {
    const huge = `{ area(code: "38") { code } } # ${"x".repeat(1024 * 1024)}`;
    const { status, body } = await postGraphQL(system.gatewayUrl!, huge, undefined, headers);
    expect(status).toBe(413);
    expect(body.errors?.[0].extensions?.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("hides field suggestions", async () => {
    const { body } = await postGraphQL(system.gatewayUrl!, `{ area(code: "38") { nam } }`, undefined, headers);
    expect(body.errors?.[0].message).toMatch(/Cannot query field "nam"/);
    expect(body.errors?.[0].message).not.toMatch(/Did you mean/);
  });

  it("refuses batched requests", async () => {
    const response = await fetch(system.gatewayUrl!, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify([{ query: AREA_QUERY }, { query: AREA_QUERY }]),
    });
    expect(response.status).toBe(400);
  });
});

describe("partner API keys through the gateway", () => {
  it("admits a valid key as a PARTNER, and answers 429 with Retry-After past its limit", async () => {
    const key = await createPartnerKey(system, { name: "partner app", areaCodes: ["38"], rateLimitPerMinute: 2 });
    const ask = () => postGraphQL(system.gatewayUrl!, `{ area(code: "38") { name plans { documentNumber } } }`, undefined, { "x-api-key": key });
    const first = await ask();
    expect(first.body).toEqual({ data: { area: { name: "Thanh Hóa", plans: [{ documentNumber: "397/SLĐTBXH-TEBĐG" }] } } });
    // Two requests a minute are allowed; a run crossing a minute boundary starts a fresh window once.
    let refused = await ask();
    for (let i = 0; i < 5 && refused.status !== 429; i++) refused = await ask();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.body.errors?.[0].extensions?.code).toBe("RATE_LIMITED");

    const wrong = await postGraphQL(system.gatewayUrl!, `{ area(code: "38") { name } }`, undefined, { "x-api-key": "vnge_not-a-key" });
    expect(wrong.status).toBe(401);
  });

  it("does not accept an API key at a subgraph: only the gateway exchanges it", async () => {
    const { status } = await postGraphQL(system.subgraphUrls.indicators!, `{ area(code: "38") { name } }`, undefined, { "x-api-key": "vnge_anything" });
    expect(status).toBe(401);
  });
});
