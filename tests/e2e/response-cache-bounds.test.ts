// What the response cache holds is bounded: an answer computed in one mode is never served in another
// (introspection is refused in production), and beyond its byte budget the oldest answers are evicted.
import { type TestSystem, authHeader, postGraphQL, startTestSystem } from "../testkit";

// Small enough that each answer below is over 1/64 of it, so every store enforces the budget.
const BUDGET_BYTES = 16 * 1024;

let system: TestSystem;
let headers: Record<string, string>;
beforeAll(async () => {
  process.env.RESPONSE_CACHE_MAX_MB = String(BUDGET_BYTES / (1024 * 1024));
  system = await startTestSystem({ seedDemo: false });
  headers = await authHeader();
});
afterAll(async () => {
  delete process.env.RESPONSE_CACHE_MAX_MB;
  await system?.close();
});

const TYPE = `query ($name: String!) { __type(name: $name) { name fields { name description type { name kind ofType { name } } } } }`;

async function ask(url: string, query: string, variables?: Record<string, unknown>) {
  const response = await postGraphQL(url, query, variables, headers);
  return { cache: response.headers.get("x-response-cache"), body: response.body };
}

const cachedBytes = async () =>
  (
    await system.db.query<{ bytes: number; answers: number }>(
      `SELECT coalesce(sum(octet_length(key) + octet_length(body)), 0)::int AS bytes, count(*)::int AS answers FROM cache.response`,
    )
  )[0];

it("never serves an answer computed in development to a production gateway", async () => {
  const INTROSPECTION = `{ __schema { types { name } } }`;
  expect((await ask(system.gatewayUrl!, INTROSPECTION)).cache).toBe("MISS");
  const cached = await ask(system.gatewayUrl!, INTROSPECTION);
  expect(cached.cache).toBe("HIT");
  expect((cached.body.data as { __schema: { types: unknown[] } }).__schema.types.length).toBeGreaterThan(50);

  // a second deployment, in production mode, on the same database (and so the same cache)
  const production = await startTestSystem({ db: system.db, production: true, seedDemo: false });
  try {
    const refused = await ask(production.gatewayUrl!, INTROSPECTION);
    expect(refused.cache).not.toBe("HIT");
    expect(refused.body.data ?? null).toBeNull();
    expect(refused.body.errors?.[0].message).toMatch(/introspection is not allowed/i);
  } finally {
    await production.stop();
  }
});

it("keeps what it holds within its byte budget, evicting the oldest answers", async () => {
  const { body } = await ask(system.gatewayUrl!, `{ __schema { types { name kind } } }`);
  const types = (body.data as { __schema: { types: { name: string; kind: string }[] } }).__schema.types.filter((t) => t.kind === "OBJECT").map((t) => t.name);
  expect(types.length).toBeGreaterThan(30);
  const asked = types.slice(0, 30);
  let stored = 0;
  for (const name of asked) {
    const answer = await ask(system.gatewayUrl!, TYPE, { name });
    expect(answer.cache).toBe("MISS");
    stored += JSON.stringify(answer.body.data).length;
  }
  // more was stored than the budget allows, yet the table holds no more than it
  expect(stored).toBeGreaterThan(BUDGET_BYTES);
  const held = await cachedBytes();
  expect(held.bytes).toBeLessThanOrEqual(BUDGET_BYTES);
  expect(held.answers).toBeLessThan(asked.length);
  // the newest answer is still served, the oldest was evicted
  expect((await ask(system.gatewayUrl!, TYPE, { name: asked.at(-1) })).cache).toBe("HIT");
  expect((await ask(system.gatewayUrl!, TYPE, { name: asked[0] })).cache).toBe("MISS");
});
