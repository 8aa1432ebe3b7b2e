// The indicator engine through the gateway: demo rollups, submitting values, then reading them back.
import { type TestSystem, authHeader, postGraphQL, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

const SUBMIT = `mutation ($input: SubmitDataValuesInput!) {
  submitDataValues(input: $input) { imported updated unchanged rejected conflicts { index field message } }
}`;

describe("indicators through the gateway", () => {
  it("lists the catalogue", async () => {
    const data = await system.gateway.request<{
      indicators: { code: string; unit: string; numerator: { dataElement: { code: string }; sex: string | null } }[];
      dataElements: { code: string }[];
    }>(`{ indicators { code unit numerator { dataElement { code } sex } } dataElements { code } }`);
    expect(data.indicators.find((i) => i.code === "SEX_RATIO_AT_BIRTH")).toEqual({
      code: "SEX_RATIO_AT_BIRTH",
      unit: "BOYS_PER_100_GIRLS",
      numerator: { dataElement: { code: "LIVE_BIRTHS" }, sex: "MALE" },
    });
    expect(data.dataElements.map((e) => e.code)).toContain("MATERNAL_DEATHS");
  });

  it("rolls the demo values up to the provinces", async () => {
    const data = await system.gateway.request<{ rollup: { area: { code: string; name: string }; total: number | null; completeness: number | null }[] }>(
      `{ rollup(indicatorCodes: ["SEX_RATIO_AT_BIRTH"], periods: ["2023"], parentCode: "VN", level: PROVINCE) { area { code name } total completeness } }`,
    );
    expect(data.rollup.map((r) => r.area.code)).toEqual(["02", "08", "33", "34", "38", "51", "62"]);
    for (const row of data.rollup) {
      expect(row.total).toBeGreaterThan(100);
      expect(row.completeness).toBe(1);
    }
  });

  it("accepts a batch, then shows it in rollup and Area.indicatorValues", async () => {
    const values = [
      { dataElementCode: "LIVE_BIRTHS", areaCode: "14845", period: "2024", sex: "MALE", value: 112 },
      { dataElementCode: "LIVE_BIRTHS", areaCode: "14845", period: "2024", sex: "FEMALE", value: 100 },
      { dataElementCode: "MATERNAL_DEATHS", areaCode: "14845", period: "2024", value: 1, status: "PROVISIONAL" },
    ];
    const submitted = await system.gateway.request<{ submitDataValues: unknown }>(SUBMIT, { input: { values } });
    expect(submitted.submitDataValues).toEqual({ imported: 3, updated: 0, unchanged: 0, rejected: 0, conflicts: [] });

    const data = await system.gateway.request<{ rollup: unknown[]; area: { indicatorValues: unknown[] } }>(`{
      rollup(indicatorCodes: ["SEX_RATIO_AT_BIRTH", "MATERNAL_MORTALITY_RATIO"], periods: ["2024"], parentCode: "38") { indicator { code } area { code } total }
      area(code: "384") { indicatorValues(indicatorCodes: ["LIVE_BIRTHS"], periods: ["2024"]) { total male female numerator { total } denominator { total } } }
    }`);
    expect(data.rollup).toEqual([
      { indicator: { code: "SEX_RATIO_AT_BIRTH" }, area: { code: "38" }, total: 112 },
      { indicator: { code: "MATERNAL_MORTALITY_RATIO" }, area: { code: "38" }, total: 471.7 },
    ]);
    expect(data.area.indicatorValues).toEqual([{ total: 212, male: 112, female: 100, numerator: { total: 212 }, denominator: null }]);
  });

  it("reports a refused batch row by row and a bad rollup as BAD_USER_INPUT", async () => {
    const refused = await system.gateway.request<{ submitDataValues: { rejected: number; conflicts: unknown[] } }>(SUBMIT, {
      input: { values: [{ dataElementCode: "LIVE_BIRTHS", areaCode: "38", period: "2024", sex: "MALE", value: 1 }] },
    });
    expect(refused.submitDataValues.conflicts).toEqual([
      { index: 0, field: "areaCode", message: "LIVE_BIRTHS is collected at COMMUNE level; area 38 is a PROVINCE" },
    ]);
    const { body } = await postGraphQL(
      system.gatewayUrl!,
      `{ rollup(indicatorCodes: ["NOPE"], periods: ["2024"], parentCode: "VN") { total } }`,
      undefined,
      await authHeader(),
    );
    expect(body.errors?.[0]).toMatchObject({ message: 'unknown indicator code "NOPE"', extensions: { code: "BAD_USER_INPUT" } });
  });
});
