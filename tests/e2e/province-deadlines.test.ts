// Data-set deadlines are data: national per data set and level, and a province may set its own day for its areas
// (decision 0109). Thanh Hóa asks its communes for the annual statistics by 3 December instead of 5.
import { Role } from "@vnge/shared";
import { type Caller, type TestSystem, authHeader, postGraphQL, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
}, 120_000);
afterAll(() => system?.close());

const THANH_HOA_ADMIN: Caller = { subject: "admin-38", roles: [Role.ADMIN], areaCodes: ["38"] };
const SET = `mutation ($province: ID!, $month: Int, $day: Int) {
  setProvinceDeadline(dataSetCode: "ANNUAL_GENDER_COMMUNE", level: COMMUNE, provinceCode: $province, month: $month, day: $day, hierarchy: "2025-03") }`;
const STATUS = `query ($parent: ID!) { reportingStatus(dataSetCode: "ANNUAL_GENDER_COMMUNE", period: "2024", parentCode: $parent, level: COMMUNE, asOf: "2024-12-04T12:00:00Z") {
  deadline expected missing areas { deadline timeliness } } }`;

async function call(query: string, variables: Record<string, unknown>, caller?: Caller) {
  return (await postGraphQL(system.gatewayUrl!, query, variables, await authHeader(caller))).body;
}
async function status(parent: string) {
  const body = await call(STATUS, { parent });
  expect(body.errors).toBeUndefined();
  return (body.data as { reportingStatus: { deadline: string; expected: number; missing: number; areas: { deadline: string; timeliness: string }[] } })
    .reportingStatus;
}

describe("a province's own deadline", () => {
  it("replaces the national day for its areas only", async () => {
    expect(await status("384")).toMatchObject({ deadline: "2024-12-05T17:00:00.000Z", missing: 0 });
    const set = await call(SET, { province: "38", month: 12, day: 3 }, THANH_HOA_ADMIN);
    expect(set.errors).toBeUndefined();

    // On 4 December Mường Lát's communes are overdue by Thanh Hóa's day; Vị Xuyên's (Hà Giang) still have a day.
    const muongLat = await status("384");
    expect(muongLat.deadline).toBe("2024-12-03T17:00:00.000Z");
    expect(muongLat.missing).toBe(muongLat.expected);
    expect(new Set(muongLat.areas.map((a) => a.deadline))).toEqual(new Set(["2024-12-03T17:00:00.000Z"]));
    const viXuyen = await status("030");
    expect(viXuyen).toMatchObject({ deadline: "2024-12-05T17:00:00.000Z", missing: 0 });

    // Read from the nation, each commune carries its own province's day.
    const nation = await status("VN");
    expect(new Set(nation.areas.map((a) => a.deadline))).toEqual(new Set(["2024-12-03T17:00:00.000Z", "2024-12-05T17:00:00.000Z"]));

    const removed = await call(SET, { province: "38", month: null, day: null }, THANH_HOA_ADMIN);
    expect(removed.errors).toBeUndefined();
    expect((await status("384")).deadline).toBe("2024-12-05T17:00:00.000Z");
  });

  it("is set only within the caller's province, for a real day, at a level that reports", async () => {
    const other = await call(SET, { province: "02", month: 12, day: 3 }, THANH_HOA_ADMIN);
    expect(other.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const badDay = await call(SET, { province: "38", month: 2, day: 30 }, THANH_HOA_ADMIN);
    expect(badDay.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "day" } });
    const district = await call(SET, { province: "381", month: 12, day: 3 }, THANH_HOA_ADMIN);
    expect(district.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "provinceCode" } });
    expect((await status("030")).deadline).toBe("2024-12-05T17:00:00.000Z");
  });
});
