// The visibility rule: partners see a value only once its data are approved at the area or above;
// analysts in scope see data still under approval.
import { Role } from "@vnge/shared";
import { type Caller, type TestSystem, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

const PARTNER: Caller = { subject: "partner-app", roles: [Role.PARTNER], areaCodes: ["VN"] };
const ANALYST: Caller = { subject: "national-analyst", roles: [Role.ANALYST], areaCodes: ["VN"] };
const SET = "ANNUAL_GENDER_COMMUNE"; // governs LIVE_BIRTHS, so the sex ratio at birth
interface Value {
  area: { code: string };
  total: number | null;
  male: number | null;
  withheld: boolean;
}

async function sexRatio(caller: Caller, parentCode: string, level?: string): Promise<Map<string, Value>> {
  const client = await system.as(caller);
  const { rollup } = await client.request<{ rollup: Value[] }>(
    `query ($parent: ID!, $level: AreaLevel) {
      rollup(indicatorCodes: ["SEX_RATIO_AT_BIRTH"], periods: ["2023"], parentCode: $parent, level: $level) { area { code } total male withheld } }`,
    { parent: parentCode, level },
  );
  return new Map(rollup.map((value) => [value.area.code, value]));
}

describe("partners see approved data only", () => {
  it("withholds values whose data are not approved yet, and shows them to an analyst", async () => {
    const partner = (await sexRatio(PARTNER, "381")).get("381")!;
    expect(partner).toEqual({ area: { code: "381" }, total: null, male: null, withheld: true });
    const analyst = (await sexRatio(ANALYST, "381")).get("381")!;
    expect(analyst.withheld).toBe(false);
    expect(analyst.total).toEqual(expect.any(Number));
  });

  it("shows a district, and its communes, once the district has approved; not its province or a sibling", async () => {
    const communes = (await system.gateway.request<{ areas: { code: string }[] }>(`{ areas(level: COMMUNE, within: "381") { code } }`)).areas;
    for (const { code } of communes) {
      await system.gateway.request(`mutation { submitDataSet(dataSetCode: "${SET}", areaCode: "${code}", period: "2023") { state } }`);
    }
    await system.gateway.request(`mutation { approveDataSet(dataSetCode: "${SET}", areaCode: "381", period: "2023") { state } }`);

    const analystDistricts = await sexRatio(ANALYST, "38", "DISTRICT");
    const partnerDistricts = await sexRatio(PARTNER, "38", "DISTRICT");
    expect(partnerDistricts.get("381")).toEqual({ ...analystDistricts.get("381"), withheld: false });
    expect(partnerDistricts.get("381")!.total).toEqual(expect.any(Number));
    expect(partnerDistricts.get("384")).toMatchObject({ total: null, withheld: true });

    const analystCommunes = await sexRatio(ANALYST, "381", "COMMUNE");
    const partnerCommunes = await sexRatio(PARTNER, "381", "COMMUNE");
    for (const { code } of communes) expect(partnerCommunes.get(code)).toEqual(analystCommunes.get(code));

    expect((await sexRatio(PARTNER, "38")).get("38")).toMatchObject({ total: null, withheld: true });
  });

  it("shows values of elements no data set governs as reported", async () => {
    const client = await system.as(PARTNER);
    const { rollup } = await client.request<{ rollup: { withheld: boolean }[] }>(
      `{ rollup(indicatorCodes: ["COMM_BROADCASTS"], periods: ["2023"], parentCode: "38") { withheld } }`,
    );
    expect(rollup).toEqual([{ withheld: false }]);
  });
});
