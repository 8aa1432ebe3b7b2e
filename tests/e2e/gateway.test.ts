// Through the gateway: the demo data, entity references across subgraphs, errors and request ids.
import { type TestSystem, authHeader, postGraphQL, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

describe("the supergraph through the gateway", () => {
  it("returns Thanh Hóa and its districts from the demo data", async () => {
    const data = await system.gateway.request<{ area: { name: string; level: string; children: { code: string; name: string }[] } }>(
      `{ area(code: "38") { name level children { code name } } }`,
    );
    expect(data.area.name).toBe("Thanh Hóa");
    expect(data.area.level).toBe("PROVINCE");
    expect(data.area.children).toHaveLength(26);
    expect(data.area.children[0]).toEqual({ code: "380", name: "Thanh Hóa" });
    expect(data.area.children.map((c) => c.code)).toContain("407");
  });

  it("walks from a commune up to its province and the nation", async () => {
    const data = await system.gateway.request<{ area: unknown }>(
      `{ area(code: "14845") { name level parent { code level parent { code name parent { code name parent { code } } } } } }`,
    );
    expect(data.area).toEqual({
      name: expect.any(String),
      level: "COMMUNE",
      parent: { code: "384", level: "DISTRICT", parent: { code: "38", name: "Thanh Hóa", parent: { code: "VN", name: "Việt Nam", parent: null } } },
    });
  });

  it("answers null for an unknown area code", async () => {
    expect(await system.gateway.request(`{ area(code: "99999") { name } }`)).toEqual({ area: null });
  });

  it("joins fields of all four subgraphs on one Area", async () => {
    // biome-ignore lint/suspicious/noExplicitAny: the test walks an answer of any shape
    const data = await system.gateway.request<{ area: Record<string, any> }>(`{
      area(code: "38") {
        name
        plans { documentNumber startYear area { name } }
        supportFacilities { kind area { code } }
        campaigns { code startDate endDate organisingArea { name } areas { code name level } }
      }
    }`);
    expect(data.area.plans).toEqual([{ documentNumber: "397/SLĐTBXH-TEBĐG", startYear: 2020, area: { name: "Thanh Hóa" } }]);
    expect(data.area.supportFacilities).toEqual([{ kind: "SOCIAL_ASSISTANCE_CENTRE", area: { code: "38" } }]);
    expect(data.area.campaigns).toEqual([
      {
        code: "ACTION-MONTH-2023-38",
        startDate: "2023-11-15",
        endDate: "2023-12-15",
        organisingArea: { name: "Thanh Hóa" },
        areas: [
          { code: "38", name: "Thanh Hóa", level: "PROVINCE" },
          { code: "381", name: "Bỉm Sơn", level: "DISTRICT" },
          { code: "384", name: "Mường Lát", level: "DISTRICT" },
        ],
      },
    ]);
  });

  it("resolves an entity owned by another subgraph from a root field of a third", async () => {
    const data = await system.gateway.request<{ campaigns: { code: string; organisingArea: { name: string; plans: { documentNumber: string }[] } }[] }>(
      `{ campaigns(year: 2023) { code organisingArea { name plans { documentNumber } } } }`,
    );
    expect(data.campaigns).toEqual([
      { code: "ACTION-MONTH-2023-030", organisingArea: { name: "Vị Xuyên", plans: [{ documentNumber: "760/UBND-LĐTBOXH" }] } },
      { code: "ACTION-MONTH-2023-38", organisingArea: { name: "Thanh Hóa", plans: [{ documentNumber: "397/SLĐTBXH-TEBĐG" }] } },
    ]);
  });

  it("reports bad input with a code and no stack trace", async () => {
    const { body } = await postGraphQL(system.gatewayUrl!, `{ campaigns(year: 3000) { code } }`, undefined, await authHeader());
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0].message).toBe("year must be between 1900 and 2100, got 3000");
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "year" });
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|\.ts:\d+|at .*\(/);
  });

  it("answers with the caller's request id, or a fresh one", async () => {
    const given = await postGraphQL(system.gatewayUrl!, `{ area(code: "38") { plans { title } } }`, undefined, {
      "x-request-id": "dashboard-42",
      ...(await authHeader()),
    });
    expect(given.headers.get("x-request-id")).toBe("dashboard-42");
    const fresh = await postGraphQL(system.gatewayUrl!, `{ area(code: "38") { name } }`, undefined, await authHeader());
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("health endpoints", () => {
  it("serve liveness and readiness on every service", async () => {
    for (const url of [system.gatewayUrl!, ...Object.values(system.subgraphUrls)]) {
      const base = url!.replace(/\/graphql$/, "");
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: "ready" });
    }
  });
});

describe("development tokens", () => {
  it("are not offered by a system whose tokens are signed with a configured secret", async () => {
    // The suite signs with AUTH_JWT_SECRET, as a small deployment would: the sign-in route must not exist there.
    const answer = await fetch(new URL("/dev/token", system.gatewayUrl!), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ roles: ["ADMIN"], areaCodes: ["VN"] }),
    });
    expect(answer.status).toBe(404);
  });
});
