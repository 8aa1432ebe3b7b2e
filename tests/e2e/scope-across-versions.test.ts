import { Role } from "@vnge/shared";
import { type Caller, type TestSystem, authHeader, postGraphQL } from "../testkit";
import { OLD_AREAS, startReformSystem, submitLiveBirths } from "./reform-fixture";

let system: TestSystem;
const OLD_COMMUNES = OLD_AREAS.filter((area) => area.level === "COMMUNE");
/** Live births of 2024 per old commune and sex, never zero. */
const births = (code: string, sex: "MALE" | "FEMALE") => (Number(code) % 13) + (sex === "MALE" ? 20 : 30);
const total2024 = (province: string) =>
  OLD_COMMUNES.filter((c) => c.provinceCode === province).reduce((t, c) => t + births(c.code, "MALE") + births(c.code, "FEMALE"), 0);

beforeAll(async () => {
  system = await startReformSystem();
  expect(await submitLiveBirths(system.db, births)).toEqual([]);
}, 120_000);
afterAll(() => system?.close());

const post = async (caller: Caller, query: string, variables?: Record<string, unknown>) =>
  postGraphQL(system.gatewayUrl!, query, variables, await authHeader(caller));

const ROLLUP = `query ($parent: ID!, $hierarchy: String!) {
  rollup(indicatorCodes: ["LIVE_BIRTHS"], periods: ["2024"], parentCode: $parent, hierarchy: $hierarchy) { total } }`;
/** The 2024 total of an area on a version, or the error code when refused. */
async function read(caller: Caller, parent: string, hierarchy: string): Promise<number | string> {
  const { body } = await post(caller, ROLLUP, { parent, hierarchy });
  if (body.errors) return String(body.errors[0].extensions?.code);
  return (body.data as { rollup: { total: number }[] }).rollup[0].total;
}

describe("an analyst assigned an area of the new version", () => {
  const ANALYST: Caller = { subject: "analyst-08", roles: [Role.ANALYST], areaCodes: ["08"] };

  it("reads on the old version the provinces merged into it, and the sum agrees with the new version", async () => {
    const hagiang = await read(ANALYST, "02", "2025-03");
    const tuyenquang = await read(ANALYST, "08", "2025-03");
    expect([hagiang, tuyenquang]).toEqual([total2024("02"), total2024("08")]);
    // Through the new province, the same token reads exactly what it reads on the old units.
    expect(await read(ANALYST, "08", "2025-07")).toBe(Number(hagiang) + Number(tuyenquang));
    for (const code of ["024", "00709", "070"]) expect([code, typeof (await read(ANALYST, code, "2025-03"))]).toEqual([code, "number"]);
  });

  it("is refused, on either version, what lies outside it", async () => {
    expect(await read(ANALYST, "10", "2025-03")).toBe("FORBIDDEN");
    expect(await read(ANALYST, "02800", "2025-03")).toBe("FORBIDDEN");
    expect(await read(ANALYST, "10", "2025-07")).toBe("FORBIDDEN");
    expect(await read(ANALYST, "VN", "2025-03")).toBe("FORBIDDEN");
  });
});

describe("an analyst assigned an area of the old version", () => {
  const ANALYST: Caller = { subject: "analyst-02", roles: [Role.ANALYST], areaCodes: ["02"] };

  it("reads on the new version the communes made only of its own, and they add up to its old figure", async () => {
    const own = await read(ANALYST, "02", "2025-03");
    expect(own).toBe(total2024("02"));
    const a = await read(ANALYST, "00691", "2025-07");
    const b = await read(ANALYST, "00712", "2025-07");
    expect(typeof a === "number" && typeof b === "number" && Math.round(a + b)).toBe(own);
  });

  it("is refused the merged province and a new commune that also holds another province's data, and the old province's neighbours", async () => {
    expect(await read(ANALYST, "08", "2025-07")).toBe("FORBIDDEN");
    expect(await read(ANALYST, "02200", "2025-07")).toBe("FORBIDDEN");
    expect(await read(ANALYST, "08", "2025-03")).toBe("FORBIDDEN");
    expect(await read(ANALYST, "VN", "2025-07")).toBe("FORBIDDEN");
  });
});

describe("case workers on either version", () => {
  const RECORD = `mutation ($input: CaseRecordInput!) { recordCase(input: $input) { indicatorFeed caseRecord { area { code hierarchy } } } }`;
  const record = async (caller: Caller, areaCode: string, detectedOn: string) => {
    const input = {
      areaCode,
      detectedOn,
      form: "PSYCHOLOGICAL",
      setting: "FAMILY",
      victimSex: "FEMALE",
      victimAgeGroup: "AGE_18_29",
      victimEthnicMinority: true,
    };
    const { body } = await post(caller, RECORD, { input });
    return body.errors
      ? String(body.errors[0].extensions?.code)
      : (body.data as { recordCase: { caseRecord: { area: { hierarchy: string } } } }).recordCase.caseRecord.area.hierarchy;
  };
  const STATS = `query ($code: ID!, $hierarchy: String!, $period: String!) { area(code: $code, hierarchy: $hierarchy) { caseStatistics(period: $period) { total { count } } } }`;
  const stats = async (caller: Caller, code: string, hierarchy: string, period: string) => {
    const { body } = await post(caller, STATS, { code, hierarchy, period });
    return body.errors
      ? String(body.errors[0].extensions?.code)
      : (body.data as { area: { caseStatistics: { total: { count: number } } } }).area.caseStatistics.total.count;
  };
  const records = async (caller: Caller, areaCode: string, year: number) => {
    const { body } = await post(caller, `query ($areaCode: ID!, $year: Int!) { caseRecords(areaCode: $areaCode, year: $year) { id } }`, { areaCode, year });
    return body.errors ? String(body.errors[0].extensions?.code) : (body.data as { caseRecords: unknown[] }).caseRecords.length;
  };

  it("of the new province record in its old communes before the reform and read them on the old version", async () => {
    const worker: Caller = { subject: "case-worker-08", roles: [Role.CASE_WORKER], areaCodes: ["08"] };
    expect(await record(worker, "00703", "2024-05-05")).toBe("2025-03");
    expect(await record(worker, "02203", "2025-03-10")).toBe("2025-03");
    expect(await record(worker, "00691", "2025-08-01")).toBe("2025-07");
    expect(await record(worker, "02800", "2024-05-05")).toBe("FORBIDDEN");
    expect(await records(worker, "02", 2024)).toBe(1);
    expect(await stats(worker, "02", "2025-03", "2024")).toBe(1);
    expect(await stats(worker, "08", "2025-07", "2025")).toBe(2);
  });

  it("of the old province record on both versions only where the area is wholly theirs", async () => {
    const worker: Caller = { subject: "case-worker-02", roles: [Role.CASE_WORKER], areaCodes: ["02"] };
    expect(await record(worker, "00706", "2025-03-10")).toBe("2025-03");
    expect(await record(worker, "00712", "2025-08-01")).toBe("2025-07");
    expect(await record(worker, "02200", "2025-08-01")).toBe("FORBIDDEN");
    expect(await record(worker, "02203", "2025-03-10")).toBe("FORBIDDEN");
    expect(await stats(worker, "08", "2025-07", "2025")).toBe("FORBIDDEN");
    // 00691 holds the 2025 records of 00706 (March) and its own (August); 00712 its own.
    expect(await stats(worker, "00691", "2025-07", "2025")).toBe(2);
    expect(await records(worker, "00712", 2025)).toBe(1);
    expect(await records(worker, "02200", 2025)).toBe("FORBIDDEN");
  });
});
