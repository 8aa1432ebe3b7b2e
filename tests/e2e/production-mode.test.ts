// In production mode the schema cannot be read through introspection, at the gateway or a subgraph.
import { type TestSystem, authHeader, postGraphQL, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({ production: true, seedDemo: false });
});
afterAll(() => system?.close());

it("refuses introspection in production, and still answers queries", async () => {
  const headers = await authHeader();
  for (const url of [system.gatewayUrl!, system.subgraphUrls.indicators!]) {
    const { body } = await postGraphQL(url, `{ __schema { types { name } } }`, undefined, headers);
    expect(body.errors?.[0].message).toMatch(/introspection is not allowed/i);
    expect(body.data ?? null).toBeNull();
  }
  const { body } = await postGraphQL(system.gatewayUrl!, `{ area(code: "VN") { code } }`, undefined, headers);
  expect(body).toEqual({ data: { area: null } });
});
