// The gateway's response cache: a repeated query is answered from PostgreSQL, every write to the data
// behind answers (through any path) retires what was cached, callers with other access never share an
// answer, and confidential or changing operations are never cached.
import { AreaDirectory, AreaScope, NATION_CODE, Role } from "@vnge/shared";
import { createDataValueService } from "@vnge/indicators";
import { ResponseCacheStore } from "@vnge/gateway";
import { type Caller, type TestSystem, ADMIN, authHeader, createPartnerKey, postGraphQL, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

const PARTNER: Caller = { subject: "partner-app", roles: [Role.PARTNER], areaCodes: ["VN"] };
const ANALYST_38: Caller = { subject: "thanh-hoa-analyst", roles: [Role.ANALYST], areaCodes: ["38"] };

const ROLLUP = `query ($parent: ID!) {
  rollup(indicatorCodes: ["SEX_RATIO_AT_BIRTH"], periods: ["2024"], parentCode: $parent) { area { code } numerator { total } withheld }
}`;
const SUBMIT = `mutation ($input: SubmitDataValuesInput!) { submitDataValues(input: $input) { imported updated rejected } }`;

async function ask(query: string, variables: Record<string, unknown> = {}, caller: Caller = ADMIN) {
  const response = await postGraphQL(system.gatewayUrl!, query, variables, await authHeader(caller));
  return { status: response.headers.get("x-response-cache"), body: response.body };
}

const birthsIn38 = (body: { data?: Record<string, unknown> | null }) =>
  (body.data as { rollup: { numerator: { total: number | null } }[] }).rollup[0].numerator.total;

describe("response cache at the gateway", () => {
  it("answers a repeated query from the cache with the same body", async () => {
    const first = await ask(ROLLUP, { parent: "38" });
    expect(first.status).toBe("MISS");
    expect(first.body.errors).toBeUndefined();
    const second = await ask(ROLLUP, { parent: "38" });
    expect(second).toEqual({ status: "HIT", body: first.body });
    const rows = await system.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cache.response`);
    expect(rows[0].n).toBeGreaterThan(0);
  });

  it("shows a value submitted through the gateway on the very next query", async () => {
    const before = birthsIn38((await ask(ROLLUP, { parent: "38" })).body);
    const submitted = await ask(SUBMIT, { input: { values: [{ dataElementCode: "LIVE_BIRTHS", areaCode: "14845", period: "2024", sex: "MALE", value: 40 }] } });
    expect(submitted.status).toBe("BYPASS");
    const after = await ask(ROLLUP, { parent: "38" });
    expect(after.status).toBe("MISS");
    expect(birthsIn38(after.body)).toBe((before ?? 0) + 40);
    expect((await ask(ROLLUP, { parent: "38" })).status).toBe("HIT");
  });

  it("shows a value written without the gateway (a file import, a script) on the next query", async () => {
    const before = birthsIn38((await ask(ROLLUP, { parent: "38" })).body) ?? 0;
    expect((await ask(ROLLUP, { parent: "38" })).status).toBe("HIT");
    const service = createDataValueService(system.db, new AreaScope(new AreaDirectory(system.db), [NATION_CODE]));
    const written = await service.submit([{ dataElementCode: "LIVE_BIRTHS", areaCode: "14845", period: "2024", sex: "MALE", value: 90 }], {
      submittedBy: "script",
    });
    expect(written.conflicts).toEqual([]);
    const after = await ask(ROLLUP, { parent: "38" });
    expect(after.status).toBe("MISS");
    expect(birthsIn38(after.body)).toBe(90 - 40 + before);
  });

  it("never gives one caller's answer to another with other roles or areas", async () => {
    const admin = await ask(ROLLUP, { parent: "38" });
    expect(birthsIn38(admin.body)).toEqual(expect.any(Number));
    const partner = await ask(ROLLUP, { parent: "38" }, PARTNER);
    expect(partner.status).toBe("MISS");
    expect((partner.body.data as { rollup: { withheld: boolean }[] }).rollup[0].withheld).toBe(true);
    const outside = await ask(ROLLUP, { parent: "62" }, ANALYST_38);
    expect(outside.body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    // a refused answer is not kept either
    expect((await ask(ROLLUP, { parent: "62" }, ANALYST_38)).status).toBe("MISS");
  });

  it("counts a partner key's request once toward its rate limit, answered from the cache or not", async () => {
    const key = await createPartnerKey(system, { name: "dashboard partner", areaCodes: ["38"], rateLimitPerMinute: 2 });
    const viaKey = async () => {
      const response = await postGraphQL(system.gatewayUrl!, `{ area(code: "38") { name } }`, undefined, { "x-api-key": key });
      return { status: response.status, cache: response.headers.get("x-response-cache") };
    };
    expect(await viaKey()).toEqual({ status: 200, cache: "MISS" });
    expect(await viaKey()).toEqual({ status: 200, cache: "HIT" });
    // the limit is two a minute: the next one is refused (a run crossing a minute boundary starts a fresh window once)
    let refused = await viaKey();
    for (let i = 0; i < 3 && refused.status !== 429; i++) refused = await viaKey();
    expect(refused.status).toBe(429);
  });

  it("never caches the cases subgraph's answers", async () => {
    const stats = `{ area(code: "38") { name caseStatistics(period: "2024") { total { count suppressed } } } }`;
    expect((await ask(stats)).status).toBe("BYPASS");
    expect((await ask(stats)).status).toBe("BYPASS");
  });

  it("prunes answers of past generations only", async () => {
    const store = new ResponseCacheStore(system.db);
    const generation = async () => (await system.db.query<{ g: string }>(`SELECT cache.current_generation()::text AS g`))[0].g;
    await store.store("old-answer", await generation(), `{"a":1}`);
    await system.db.execute(`UPDATE plans.plan SET title = title WHERE false`); // any write moves the generation
    await store.store("current-answer", await generation(), `{"a":2}`);
    expect(await store.prune(new Date(Date.now() + 60_000))).toBeGreaterThanOrEqual(1);
    const keys = await system.db.query<{ key: string }>(`SELECT key FROM cache.response WHERE key IN ('old-answer', 'current-answer')`);
    expect(keys).toEqual([{ key: "current-answer" }]);
  });

  it("has every table of the cached subgraphs move the data generation when written", async () => {
    const rows = await system.db.query<{ table: string }>(`SELECT t.table_schema || '.' || t.table_name AS table FROM information_schema.tables t
        WHERE t.table_schema IN ('indicators', 'plans', 'communications') AND t.table_type = 'BASE TABLE'
          AND NOT EXISTS (SELECT 1 FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                           WHERE n.nspname = t.table_schema AND c.relname = t.table_name AND g.tgname = 'note_data_change')`);
    expect(rows).toEqual([]);
    const tables = await system.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema IN ('indicators', 'plans', 'communications')`,
    );
    expect(tables[0].n).toBeGreaterThan(20);
  });

  it("retires cached answers when a plan or an area is changed by hand", async () => {
    const names = `{ area(code: "38") { name plans { title } } }`;
    const before = await ask(names);
    expect((await ask(names)).status).toBe("HIT");
    await system.db.execute(`UPDATE plans.plan SET title = title || ' (sửa đổi)' WHERE area_code = '38'`);
    const replanned = await ask(names);
    expect(replanned.status).toBe("MISS");
    expect(replanned.body).not.toEqual(before.body);
    await system.db.execute(`UPDATE indicators.area SET name = name || ' (mới)' WHERE code = '38'`);
    const renamed = await ask(names);
    expect(renamed.status).toBe("MISS");
    expect((renamed.body.data as { area: { name: string } }).area.name).toMatch(/\(mới\)$/);
  });
});
