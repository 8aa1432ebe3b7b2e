// POST /dhis2/api/dataValueSets at the gateway: a DHIS2 data value set of 10,000 values through the demo
// mapping, its conflicts, a re-import, CSV, dry runs, import strategies, scope and partner keys.
import fs from "node:fs";
import path from "node:path";
import { Role, repoRoot } from "@vnge/shared";
import { type Caller, type TestSystem, authHeader, createPartnerKey, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

interface Mapping {
  dataElements: Record<string, string>;
  categoryOptionCombos: Record<string, string>;
  orgUnits: Record<string, { code: string; hierarchy: string }>;
}
const mapping = JSON.parse(fs.readFileSync(path.join(repoRoot, "prisma", "seed", "dhis2-demo-mapping.json"), "utf8")) as Mapping;
const uidOf = (entries: Record<string, unknown>, matches: (target: never) => boolean) => {
  const found = Object.entries(entries).find(([id, target]) => /^[A-Za-z][A-Za-z0-9]{10}$/.test(id) && matches(target as never));
  if (!found) throw new Error("not in the demo mapping");
  return found[0];
};
const element = (code: string) => uidOf(mapping.dataElements, (target: string) => target === code);
const orgUnit = (code: string) =>
  uidOf(mapping.orgUnits, (target: { code: string; hierarchy: string }) => target.code === code && target.hierarchy === "2025-03");
const COMBO = {
  MALE: uidOf(mapping.categoryOptionCombos, (t: string) => t === "MALE"),
  FEMALE: uidOf(mapping.categoryOptionCombos, (t: string) => t === "FEMALE"),
  NONE: "HllvX50cXC0",
};

const demoAreas = JSON.parse(fs.readFileSync(path.join(repoRoot, "prisma", "seed", "demo-areas.json"), "utf8")) as {
  Code: string;
  District?: { Code: string; Ward?: { Code: string }[] }[];
}[];
const communes = demoAreas.flatMap((p) => (p.District ?? []).flatMap((d) => (d.Ward ?? []).map((w) => w.Code)));

interface Value {
  dataElement: string;
  period?: string;
  orgUnit?: string;
  categoryOptionCombo: string;
  attributeOptionCombo?: string;
  value: string;
  storedBy?: string;
  comment?: string;
}

/** `count` values over the demo's communes: five commune elements by sex where they have one, month after month from `year`. */
function dataValues(count: number, year: number): Value[] {
  const combos: [string, keyof typeof COMBO][] = [
    ["LIVE_BIRTHS", "MALE"],
    ["LIVE_BIRTHS", "FEMALE"],
    ["RURAL_WORKERS", "MALE"],
    ["RURAL_WORKERS", "FEMALE"],
    ["RURAL_WORKERS_TRAINED", "MALE"],
    ["RURAL_WORKERS_TRAINED", "FEMALE"],
    ["MATERNAL_DEATHS", "NONE"],
    ["COMMUNITY_CONVENTIONS", "NONE"],
  ];
  const values: Value[] = [];
  for (let month = 0; values.length < count; month++) {
    const period = `${year + Math.floor(month / 12)}${String((month % 12) + 1).padStart(2, "0")}`;
    for (const commune of communes) {
      for (const [code, sex] of combos) {
        if (values.length === count) break;
        values.push({
          dataElement: element(code),
          period,
          orgUnit: orgUnit(commune),
          categoryOptionCombo: COMBO[sex],
          attributeOptionCombo: "HllvX50cXC0",
          value: String((values.length * 7) % 97),
          storedBy: "dhis2-clerk",
          comment: "",
        });
      }
    }
  }
  return values;
}

const gatewayBase = () => system.gatewayUrl!.replace(/\/graphql$/, "");

async function post(body: string, options: { caller?: Caller | null; query?: string; type?: string; headers?: Record<string, string> } = {}) {
  const caller = options.caller === undefined ? { subject: "dhis2-admin", roles: [Role.ADMIN], areaCodes: ["VN"] } : options.caller;
  const response = await fetch(`${gatewayBase()}/dhis2/api/dataValueSets${options.query ?? ""}`, {
    method: "POST",
    headers: { "content-type": options.type ?? "application/json", ...(caller ? await authHeader(caller) : {}), ...options.headers },
    body,
  });
  // biome-ignore lint/suspicious/noExplicitAny: the test reads answers of any shape
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}
const postSet = (dataValues: Value[], options: Parameters<typeof post>[1] = {}) => post(JSON.stringify({ dataValues }), options);

async function history(dataElementCode: string, areaCode: string, period: string, sex: "MALE" | "FEMALE" | null) {
  const answer = await system.gateway.request<{ dataValueHistory: { newValue: number; changedBy: string }[] }>(
    `query ($e: ID!, $a: ID!, $p: String!, $s: Sex) { dataValueHistory(dataElementCode: $e, areaCode: $a, period: $p, sex: $s) { newValue changedBy } }`,
    { e: dataElementCode, a: areaCode, p: period, s: sex },
  );
  return answer.dataValueHistory;
}

describe("POST /dhis2/api/dataValueSets", () => {
  it("imports a data value set of 10,000 values, and a second time ignores them all", async () => {
    const values = dataValues(10_000, 2031);
    const started = Date.now();
    const first = await postSet(values);
    const firstMs = Date.now() - started;
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      responseType: "ImportSummary",
      status: "SUCCESS",
      importCount: { imported: 10_000, updated: 0, ignored: 0, deleted: 0 },
      conflicts: [],
    });
    expect(await history("LIVE_BIRTHS", communes[0], "203101", "MALE")).toEqual([{ newValue: 0, changedBy: "dhis2-admin" }]);

    const again = Date.now();
    const second = await postSet(values);
    console.log(`DHIS2 import of 10,000 values: ${firstMs} ms; the same again (all ignored): ${Date.now() - again} ms`);
    expect(second).toMatchObject({ status: 200, body: { status: "SUCCESS", importCount: { imported: 0, updated: 0, ignored: 10_000, deleted: 0 } } });
    expect(await history("LIVE_BIRTHS", communes[0], "203101", "MALE")).toHaveLength(1);
  });

  it("writes nothing from a set with bad values and names each of them", async () => {
    const values = dataValues(20, 2033);
    values[3] = { ...values[3], dataElement: "notAnElemnt" };
    values[7] = { ...values[7], orgUnit: "unknownOrgU" };
    values[11] = { ...values[11], period: "2033W5" };
    values[15] = { ...values[15], value: "12abc" };
    values[18] = { ...values[18], categoryOptionCombo: "unknownCoc1" };
    const { status, body } = await postSet(values);
    expect(status).toBe(409);
    expect(body).toMatchObject({ status: "ERROR", importCount: { imported: 0, updated: 0, ignored: 20, deleted: 0 }, rejected: 5 });
    expect(
      body.conflicts.map((c: { indexes: number[]; errorCode: string; property: string; object: string }) => [c.indexes[0], c.errorCode, c.property, c.object]),
    ).toEqual([
      [3, "UNKNOWN_DATA_ELEMENT", "dataElement", "notAnElemnt"],
      [7, "UNKNOWN_ORG_UNIT", "orgUnit", "unknownOrgU"],
      [11, "UNSUPPORTED_PERIOD", "period", "2033W5"],
      [15, "INVALID_VALUE", "value", "12abc"],
      [18, "UNKNOWN_CATEGORY_OPTION_COMBO", "categoryOptionCombo", "unknownCoc1"],
    ]);
    expect(body.conflicts[2]).toMatchObject({
      objects: { dataElement: values[11].dataElement, orgUnit: values[11].orgUnit, period: "2033W5" },
      value: expect.stringContaining("weekly"),
    });
    expect(await history("LIVE_BIRTHS", communes[0], "203301", "MALE")).toEqual([]);
  });

  it("refuses values the write path refuses, each named: a value of the wrong level, a duplicate", async () => {
    const values = dataValues(4, 2034);
    values[1] = { ...values[1], orgUnit: orgUnit("381") }; // a district: LIVE_BIRTHS is collected by communes
    values[3] = { ...values[0] };
    const { status, body } = await postSet(values);
    expect(status).toBe(409);
    expect(body.conflicts).toEqual([
      expect.objectContaining({ indexes: [1], errorCode: "INVALID_ORG_UNIT", value: expect.stringContaining("COMMUNE") }),
      expect.objectContaining({ indexes: [3], errorCode: "DUPLICATE" }),
    ]);
  });

  it("reads DHIS2's CSV, with a value's line in its conflict", async () => {
    const header = "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup";
    const row = (commune: string, value: string) =>
      [element("LIVE_BIRTHS"), "203501", orgUnit(commune), COMBO.FEMALE, COMBO.NONE, value, "clerk", "2035-02-03", "from DHIS2", "false"].join(",");
    const csv = [header, row(communes[0], "5"), row(communes[1], "6")].join("\n");
    const ok = await post(csv, { type: "application/csv" });
    expect(ok).toMatchObject({ status: 200, body: { status: "SUCCESS", importCount: { imported: 2 } } });
    expect(await history("LIVE_BIRTHS", communes[1], "203501", "FEMALE")).toEqual([{ newValue: 6, changedBy: "dhis2-admin" }]);

    const bad = await post([header, row(communes[2], "7"), row(communes[3], "-1")].join("\n"), { type: "text/csv" });
    expect(bad.status).toBe(409);
    expect(bad.body.conflicts).toEqual([expect.objectContaining({ indexes: [1], line: 3, property: "value", value: expect.stringContaining("whole number") })]);
  });

  it("checks without writing on dryRun=true and refuses values and names it does not know", async () => {
    const values = dataValues(3, 2036);
    const dry = await postSet(values, { query: "?dryRun=true" });
    expect(dry).toMatchObject({ status: 200, body: { status: "SUCCESS", importOptions: { dryRun: true }, importCount: { imported: 3 } } });
    expect(await history("LIVE_BIRTHS", communes[0], "203601", "MALE")).toEqual([]);
    for (const query of ["?dryRun=1", "?dryRun=TRUE", "?dryRun"]) {
      expect(await postSet(values, { query })).toMatchObject({ status: 200, body: { importOptions: { dryRun: true } } });
    }
    for (const [query, field] of [
      ["?dryRun=yes", "dryRun"],
      ["?dryRun=maybe", "dryRun"],
      ["?dryrun=true", "dryrun"],
      ["?dryRun=true&dryRun=false", "dryRun"],
    ]) {
      expect(await postSet(values, { query })).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: "BAD_USER_INPUT", field } }] } });
    }
    expect(await history("LIVE_BIRTHS", communes[0], "203601", "MALE")).toEqual([]);
  });

  it("follows the import strategy: CREATE adds only new values, UPDATE changes only existing ones, DELETE is refused", async () => {
    const [stored, fresh] = dataValues(2, 2037);
    expect((await postSet([stored])).body.importCount.imported).toBe(1);
    const changed = { ...stored, value: "90" };

    const created = await postSet([changed, fresh], { query: "?importStrategy=CREATE" });
    expect(created.body).toMatchObject({ status: "SUCCESS", importCount: { imported: 1, updated: 0, ignored: 1 } });
    expect(await history("LIVE_BIRTHS", communes[0], "203701", "MALE")).toEqual([{ newValue: Number(stored.value), changedBy: "dhis2-admin" }]);
    expect(await history("LIVE_BIRTHS", communes[0], "203701", "FEMALE")).toHaveLength(1);

    const newer = { ...fresh, period: "203702" };
    const updated = await postSet([changed, newer], { query: "?importStrategy=UPDATE" });
    expect(updated.body).toMatchObject({ status: "SUCCESS", importCount: { imported: 0, updated: 1, ignored: 1 } });
    expect((await history("LIVE_BIRTHS", communes[0], "203701", "MALE")).map((c) => c.newValue)).toEqual([Number(stored.value), 90]);
    expect(await history("LIVE_BIRTHS", communes[0], "203702", "FEMALE")).toEqual([]);

    const deleted = await postSet([changed], { query: "?importStrategy=DELETE" });
    expect(deleted).toMatchObject({
      status: 400,
      body: { errors: [{ message: expect.stringContaining("DELETE is not supported"), extensions: { code: "BAD_USER_INPUT" } }] },
    });
    expect((await postSet([changed], { query: "?importStrategy=MERGE" })).status).toBe(400);
  });

  it("refuses a value outside the caller's areas as a conflict, and callers who may not write", async () => {
    const clerk: Caller = { subject: "bim-son-clerk", roles: [Role.DATA_ENTRY], areaCodes: ["381"] };
    const bimSon = demoAreas.find((p) => p.Code === "38")!.District!.find((d) => d.Code === "381")!.Ward![0].Code;
    const elsewhere = demoAreas.find((p) => p.Code === "38")!.District!.find((d) => d.Code === "384")!.Ward![0].Code;
    const value = (commune: string): Value => ({
      dataElement: element("LIVE_BIRTHS"),
      period: "203801",
      orgUnit: orgUnit(commune),
      categoryOptionCombo: COMBO.MALE,
      value: "4",
    });
    const { status, body } = await postSet([value(bimSon), value(elsewhere)], { caller: clerk });
    expect(status).toBe(409);
    expect(body.conflicts).toEqual([expect.objectContaining({ indexes: [1], errorCode: "OUT_OF_SCOPE", property: "orgUnit", object: orgUnit(elsewhere) })]);
    expect(await history("LIVE_BIRTHS", bimSon, "203801", "MALE")).toEqual([]);
    expect((await postSet([value(bimSon)], { caller: clerk })).body.status).toBe("SUCCESS");

    expect((await postSet([value(bimSon)], { caller: null })).status).toBe(401);
    expect(await postSet([value(bimSon)], { caller: { roles: [Role.ANALYST], areaCodes: ["VN"] } })).toMatchObject({
      status: 403,
      body: { errors: [{ extensions: { code: "FORBIDDEN" } }] },
    });
  });

  it("refuses partner API keys with 403 and the reason", async () => {
    const key = await createPartnerKey(system, { name: "dhis2-partner", areaCodes: ["VN"], rateLimitPerMinute: 60 });
    const refused = await postSet(dataValues(1, 2039), { caller: null, headers: { "x-api-key": key } });
    expect(refused).toMatchObject({
      status: 403,
      body: { errors: [{ message: expect.stringContaining("Partner API keys cannot write"), extensions: { code: "FORBIDDEN" } }] },
    });
    expect((await postSet(dataValues(1, 2039), { caller: null, headers: { "x-api-key": "vnge_not-a-key" } })).status).toBe(401);
  });

  it("refuses bodies that are not a data value set, or too large", async () => {
    expect(await post("{ not json")).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: "BAD_USER_INPUT", reason: "MALFORMED_JSON" } }] } });
    expect(await post(JSON.stringify({ values: [] }))).toMatchObject({ status: 400, body: { errors: [{ extensions: { reason: "NOT_A_DATA_VALUE_SET" } }] } });
    expect((await post("<dataValueSet/>", { type: "application/xml" })).status).toBe(400);
    const huge = JSON.stringify({ dataValues: [], padding: "x".repeat(17 * 1024 * 1024) });
    expect(await post(huge)).toMatchObject({ status: 413, body: { errors: [{ extensions: { code: "PAYLOAD_TOO_LARGE" } }] } });
  });
});
