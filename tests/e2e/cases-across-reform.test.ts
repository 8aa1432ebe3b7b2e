import { resyncCaseAggregates } from "@vnge/system";
import { Role } from "@vnge/shared";
import { type Caller, type TestSystem, ADMIN, authHeader, postGraphQL } from "../testkit";
import { startReformSystem } from "./reform-fixture";

let system: TestSystem;
beforeAll(async () => {
  system = await startReformSystem();
}, 120_000);
afterAll(() => system?.close());

const post = async (caller: Caller, query: string, variables?: Record<string, unknown>) =>
  postGraphQL(system.gatewayUrl!, query, variables, await authHeader(caller));

const RECORD = `mutation ($input: CaseRecordInput!) { recordCase(input: $input) { indicatorFeed caseRecord { id area { code hierarchy } } } }`;
const caseInput = (areaCode: string, detectedOn: string, extra: Record<string, unknown> = {}) => ({
  areaCode,
  detectedOn,
  form: "PHYSICAL",
  setting: "FAMILY",
  victimSex: "FEMALE",
  victimAgeGroup: "AGE_30_59",
  victimEthnicMinority: false,
  perpetratorSex: "MALE",
  services: [],
  ...extra,
});

/** A case worker of the old Hà Giang, an area of the 2025-03 version only. */
const CASE_WORKER_HA_GIANG: Caller = { subject: "case-worker-02", roles: [Role.CASE_WORKER], areaCodes: ["02"] };

async function record(caller: Caller, areaCode: string, detectedOn: string, extra: Record<string, unknown> = {}) {
  const { body } = await post(caller, RECORD, { input: caseInput(areaCode, detectedOn, extra) });
  expect(body.errors).toBeUndefined();
  return (body.data as { recordCase: { indicatorFeed: string; caseRecord: { id: string; area: { code: string; hierarchy: string } } } }).recordCase;
}

// The records of 2025 and where each is counted on the 2025-07 version.
const CASES_2025: { areaCode: string; detectedOn: string; countedIn: string; trafficking?: boolean }[] = [
  { areaCode: "00703", detectedOn: "2025-03-10", countedIn: "00691" },
  { areaCode: "00706", detectedOn: "2025-04-02", countedIn: "00691", trafficking: true },
  // Split between 00691 and 00712 in equal shares: the lower code is its successor.
  { areaCode: "00709", detectedOn: "2025-05-20", countedIn: "00691" },
  // The same code before and after the reform: the old commune 02200 and the new one it went into.
  { areaCode: "02200", detectedOn: "2025-02-01", countedIn: "02200" },
  { areaCode: "02203", detectedOn: "2025-06-30", countedIn: "02200" },
  { areaCode: "02200", detectedOn: "2025-08-05", countedIn: "02200" },
  { areaCode: "00712", detectedOn: "2025-09-09", countedIn: "00712" },
];
const caseIds: string[] = [];

beforeAll(async () => {
  for (const c of CASES_2025) {
    const written = await record(ADMIN, c.areaCode, c.detectedOn, c.trafficking ? { form: "TRAFFICKING" } : {});
    // Before 1 July the commune is read in the 2025-03 version; the engine took the aggregates.
    expect(written).toMatchObject({
      indicatorFeed: "PUSHED",
      caseRecord: { area: { code: c.areaCode, hierarchy: c.detectedOn < "2025-07-01" ? "2025-03" : "2025-07" } },
    });
    caseIds.push(written.caseRecord.id);
  }
  // A 2024 case stays on the old version.
  await record(ADMIN, "00703", "2024-11-11");
});

const countedIn = (code: string) => CASES_2025.filter((c) => c.countedIn === code).length;

describe("case statistics of a year that straddles the reform", () => {
  const STATS = `query ($code: ID!, $hierarchy: String, $period: String!) { area(code: $code, hierarchy: $hierarchy) {
    caseStatistics(period: $period) { total { count suppressed } } } }`;
  const total = async (code: string, period = "2025", hierarchy?: string) => {
    const { body } = await post(ADMIN, STATS, { code, hierarchy, period });
    expect(body.errors).toBeUndefined();
    return (body.data as { area: { caseStatistics: { total: { count: number } } } }).area.caseStatistics.total.count;
  };

  it("counts every record of 2025 once, on the 2025-07 areas", async () => {
    expect(await total("VN")).toBe(CASES_2025.length);
    expect(await total("08")).toBe(CASES_2025.length);
    for (const commune of ["00691", "00712", "02200", "02800"]) expect([commune, await total(commune)]).toEqual([commune, countedIn(commune)]);
    // 2024 is counted on the old version, where the record was made.
    expect(await total("02", "2024", "2025-03")).toBe(1);
    expect(await total("00703", "2024", "2025-03")).toBe(1);
  });

  it("refuses an area of another version than the year's, naming the version to ask on", async () => {
    const { body } = await post(ADMIN, STATS, { code: "00703", hierarchy: "2025-03", period: "2025" });
    expect(body.errors?.[0]).toMatchObject({
      message: expect.stringContaining("case statistics of 2025 are counted on the areas of hierarchy 2025-07"),
      extensions: { code: "BAD_USER_INPUT" },
    });
  });
});

describe("case records listed for an area of 2025", () => {
  it("lists the records of the old communes under the commune they became", async () => {
    const { body } = await post(ADMIN, `{ caseRecords(areaCode: "08", year: 2025) { id } c00691: caseRecords(areaCode: "00691", year: 2025) { id } }`);
    expect(body.errors).toBeUndefined();
    const data = body.data as { caseRecords: { id: string }[]; c00691: { id: string }[] };
    expect(data.caseRecords.map((r) => r.id).sort()).toEqual([...caseIds].sort());
    expect(data.c00691.map((r) => r.id).sort()).toEqual(caseIds.filter((_, i) => CASES_2025[i].countedIn === "00691").sort());
  });
});

describe("the indicator feed of 2025", () => {
  const ROLLUP = `query ($parent: ID!, $indicator: ID!) {
    rollup(indicatorCodes: [$indicator], periods: ["2025"], parentCode: $parent, level: COMMUNE, hierarchy: "2025-07") { area { code } female } }`;

  it("feeds each record to the commune of 2025-07 it is counted in, so the engine agrees with the case statistics", async () => {
    const { body } = await post(ADMIN, ROLLUP, { parent: "08", indicator: "GBV_VICTIMS_DETECTED" });
    expect(body.errors).toBeUndefined();
    const values = (body.data as { rollup: { area: { code: string }; female: number | null }[] }).rollup;
    expect(Object.fromEntries(values.map((v) => [v.area.code, v.female]))).toEqual({
      "00691": countedIn("00691"),
      "00712": countedIn("00712"),
      "02200": countedIn("02200"),
    });
  });

  it("feeds the trafficking figures of the new province, which the old commune's province became", async () => {
    const { body } = await post(
      ADMIN,
      `{ rollup(indicatorCodes: ["TRAFFICKING_VICTIMS_SUPPORTED_SHARE"], periods: ["2025"], parentCode: "08", hierarchy: "2025-07") { denominator { female } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect((body.data as { rollup: { denominator: { female: number } }[] }).rollup[0].denominator.female).toBe(CASES_2025.filter((c) => c.trafficking).length);
  });

  it("pushes the same figures again from a full resync, which the engine accepts whole", async () => {
    const before = await post(ADMIN, ROLLUP, { parent: "08", indicator: "GBV_VICTIMS_DETECTED" });
    const summary = await resyncCaseAggregates(system.db);
    expect(summary.values).toBeGreaterThan(0);
    expect(await system.db.prisma.caseFeedState.count({ where: { pending: true } })).toBe(0);
    expect((await post(ADMIN, ROLLUP, { parent: "08", indicator: "GBV_VICTIMS_DETECTED" })).body).toEqual(before.body);
  });
});

describe("case workers of the old province", () => {
  it("record in its old communes before the reform, and in the new communes lying wholly inside it after", async () => {
    const before = await record(CASE_WORKER_HA_GIANG, "00706", "2025-06-01");
    expect(before.indicatorFeed).toBe("PUSHED");
    const after = await record(CASE_WORKER_HA_GIANG, "00712", "2025-07-15");
    expect(after.caseRecord.area).toEqual({ code: "00712", hierarchy: "2025-07" });
    // 02200 also holds the old Tuyên Quang's communes: not theirs.
    const { body } = await post(CASE_WORKER_HA_GIANG, RECORD, { input: caseInput("02200", "2025-07-15") });
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN" } });
  });
});
