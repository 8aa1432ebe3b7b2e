// The response cache while a write is in flight (PostgreSQL: a second connection holds a transaction
// open, which PGlite's single connection cannot): answers computed meanwhile might predate the write
// under the generation it has already taken, so they are not kept (decision 0121); identical requests
// meanwhile share one computation (decision 0072).
import { ResponseCacheStore } from "@vnge/gateway";
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
  it("keeps no answer computed during a write, and keeps the first one computed after it commits", async () => {
    const headers = await authHeader();
    const ask = () => postGraphQL(system.gatewayUrl!, QUERY, {}, headers);
    const before = await ask();
    const writer = new pg.Client({ connectionString: system.db.url });
    await writer.connect();
    try {
      await writer.query("BEGIN");
      await writer.query(`UPDATE indicators.data_value_total SET male = male * 2 WHERE period = '2023'`);
      const during = await ask();
      expect(during.headers.get("x-response-cache")).toBe("MISS");
      expect(during.body).toEqual(before.body);
      // not kept: the next request computes again, while the write is still in flight
      const again = await ask();
      expect(again.headers.get("x-response-cache")).toBe("MISS");
      expect(again.body).toEqual(before.body);
      await writer.query("COMMIT");
      const after = await ask();
      expect(after.headers.get("x-response-cache")).toBe("MISS");
      expect(after.body).not.toEqual(before.body);
      expect(await cacheStatus()).toBe("HIT");
      await writer.query(`UPDATE indicators.data_value_total SET male = male / 2 WHERE period = '2023'`);
      expect((await ask()).body).toEqual(before.body);
    } finally {
      await writer.end();
    }
  });

  it("names the writing transactions on a miss while they are in flight, and none once they commit", async () => {
    const store = new ResponseCacheStore(system.db);
    const writer = new pg.Client({ connectionString: system.db.url });
    await writer.connect();
    try {
      await writer.query("BEGIN");
      await writer.query(`UPDATE indicators.data_value SET comment = comment WHERE false`);
      const [{ vxid }] = (await writer.query(`SELECT virtualtransaction AS vxid FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'virtualxid'`)).rows;
      const during = await store.lookup("no-such-key");
      expect(during).toMatchObject({ body: null, generation: null, writers: [vxid] });
      expect(Number(during.current)).toBeGreaterThan(0);
      await writer.query("COMMIT");
      const after = await store.lookup("no-such-key");
      expect(after).toMatchObject({ body: null, generation: during.current, current: during.current, writers: null });
    } finally {
      await writer.end();
    }
  });

  it("computes identical queries that miss together during a write once, and shares the answer", async () => {
    const writer = new pg.Client({ connectionString: system.db.url });
    await writer.connect();
    const headers = await authHeader();
    const NATIONAL = `{ rollup(indicatorCodes: ["SEX_RATIO_AT_BIRTH", "LIVE_BIRTHS"], periods: ["2022", "2023", "2024"], parentCode: "VN", level: COMMUNE) { area { code } total } }`;
    try {
      await writer.query("BEGIN");
      await writer.query(`UPDATE indicators.data_value SET comment = comment WHERE false`);
      const answers = await Promise.all(Array.from({ length: 8 }, () => postGraphQL(system.gatewayUrl!, NATIONAL, {}, headers)));
      const statuses = answers.map((a) => a.headers.get("x-response-cache"));
      expect(statuses.filter((s) => s === "MISS").length).toBeGreaterThanOrEqual(1);
      expect(statuses.filter((s) => s === "SHARED").length).toBeGreaterThanOrEqual(1);
      expect(statuses.every((s) => s === "MISS" || s === "SHARED")).toBe(true);
      for (const answer of answers) expect(answer.body).toEqual(answers[0].body);
      expect(answers[0].body.errors).toBeUndefined();
      await writer.query("COMMIT");
      // the writer has committed: nothing computed before is shared any more
      expect((await postGraphQL(system.gatewayUrl!, NATIONAL, {}, headers)).headers.get("x-response-cache")).toBe("MISS");
    } finally {
      await writer.end();
    }
  });
});
