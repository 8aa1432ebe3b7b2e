// The response cache while a write is in flight (PostgreSQL: a second connection holds a transaction
// open, which PGlite's single connection cannot): answers computed meanwhile are served but not kept,
// since they might predate the write under the generation it has already taken.
import pg from "pg";
import { type TestSystem, authHeader, postGraphQL, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

const QUERY = `{ rollup(indicatorCodes: ["SEX_RATIO_AT_BIRTH"], periods: ["2023"], parentCode: "38") { total } }`;
const cacheStatus = async () => (await postGraphQL(system.gatewayUrl!, QUERY, {}, await authHeader())).headers.get("x-response-cache");

describe("response cache during a write (PostgreSQL)", () => {
  it("keeps no answer computed while a write is uncommitted, and caches again once it commits", async () => {
    const writer = new pg.Client({ connectionString: system.db.url });
    await writer.connect();
    try {
      await writer.query("BEGIN");
      await writer.query(`UPDATE indicators.data_value SET comment = comment WHERE false`);
      expect(await cacheStatus()).toBe("MISS");
      expect(await cacheStatus()).toBe("MISS");
      await writer.query("COMMIT");
      expect(await cacheStatus()).toBe("MISS");
      expect(await cacheStatus()).toBe("HIT");
    } finally {
      await writer.end();
    }
  });
});
