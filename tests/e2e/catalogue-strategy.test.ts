// The national catalogue against the Strategy 2021-2030 (../shared/data/strategy-2021-2030-targets.md), through the gateway.
import { type TestSystem, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

const SUBMIT = `mutation ($values: [DataValueInput!]!) { submitDataValues(input: { values: $values }) { imported rejected conflicts { message } } }`;
type Summary = { submitDataValues: { imported: number; rejected: number; conflicts: { message: string }[] } };
const VALUE = `query ($codes: [ID!]!, $parent: ID!, $level: AreaLevel) { rollup(indicatorCodes: $codes, periods: ["2024"], parentCode: $parent, level: $level) { indicator { code } area { code } total male female } }`;
type Rollup = { rollup: { indicator: { code: string }; area: { code: string }; total: number | null; male: number | null; female: number | null }[] };

describe("the Strategy's indicators", () => {
  it("are all in the catalogue, in their units", async () => {
    const data = await system.gateway.request<{
      indicators: {
        code: string;
        unit: string;
        factor: number;
        numerator: { dataElement: { code: string } };
        denominator: { dataElement: { code: string } } | null;
      }[];
    }>(`{ indicators { code unit factor numerator { dataElement { code } } denominator { dataElement { code } } } }`);
    const byCode = new Map(data.indicators.map((i) => [i.code, i]));
    expect(byCode.get("UNPAID_CARE_WORK_RATIO")).toMatchObject({ unit: "TIMES", factor: 1 });
    expect(byCode.get("GE_CURRICULUM_CONTENT")).toMatchObject({ unit: "YES_NO", denominator: null });
    expect(byCode.get("MEDIA_AGENCIES_APPLYING_GENDER_INDICATORS_SHARE")).toMatchObject({ unit: "PERCENT", factor: 100 });
    expect(byCode.get("GENDER_EQUALITY_OFFICIALS_TRAINED_SHARE")).toMatchObject({
      numerator: { dataElement: { code: "GENDER_EQUALITY_OFFICIALS_TRAINED" } },
      denominator: { dataElement: { code: "GENDER_EQUALITY_OFFICIALS" } },
    });
  });

  it("give women's unpaid care hours relative to men's, in times", async () => {
    const submitted = await system.gateway.request<Summary>(SUBMIT, {
      values: [
        { dataElementCode: "UNPAID_CARE_HOURS", areaCode: "VN", period: "2024", sex: "FEMALE", value: 20.4 },
        { dataElementCode: "UNPAID_CARE_HOURS", areaCode: "VN", period: "2024", sex: "MALE", value: 12 },
      ],
    });
    expect(submitted.submitDataValues.imported).toBe(2);
    const data = await system.gateway.request<Rollup>(VALUE, { codes: ["UNPAID_CARE_WORK_RATIO"], parent: "VN" });
    expect(data.rollup[0].total).toBe(1.7);
  });

  it("count the provinces whose curricula carry gender-equality content, and accept only yes or no", async () => {
    const submitted = await system.gateway.request<Summary>(SUBMIT, {
      values: [
        { dataElementCode: "GE_CURRICULUM_CONTENT", areaCode: "62", period: "2024", value: 1 },
        { dataElementCode: "GE_CURRICULUM_CONTENT", areaCode: "38", period: "2024", value: 1 },
        { dataElementCode: "GE_CURRICULUM_CONTENT", areaCode: "34", period: "2024", value: 0 },
      ],
    });
    expect(submitted.submitDataValues.imported).toBe(3);
    const data = await system.gateway.request<Rollup>(VALUE, { codes: ["GE_CURRICULUM_CONTENT"], parent: "VN" });
    expect(data.rollup[0].total).toBe(2);
    const refused = await system.gateway.request<Summary>(SUBMIT, {
      values: [{ dataElementCode: "GE_CURRICULUM_CONTENT", areaCode: "02", period: "2024", value: 2 }],
    });
    expect(refused.submitDataValues.conflicts[0].message).toContain("accepts at most 1");
  });

  it("share the media agencies applying the gender-in-media indicators", async () => {
    await system.gateway.request<Summary>(SUBMIT, {
      values: [
        { dataElementCode: "MEDIA_AGENCIES", areaCode: "38", period: "2024", value: 10 },
        { dataElementCode: "MEDIA_AGENCIES_APPLYING_GENDER_INDICATORS", areaCode: "38", period: "2024", value: 7 },
      ],
    });
    const data = await system.gateway.request<Rollup>(VALUE, { codes: ["MEDIA_AGENCIES_APPLYING_GENDER_INDICATORS_SHARE"], parent: "38" });
    expect(data.rollup[0].total).toBe(70);
  });

  it("count trained gender-equality officials among those officials, whatever the training attendances", async () => {
    await system.gateway.request<Summary>(SUBMIT, {
      values: [
        { dataElementCode: "GENDER_EQUALITY_OFFICIALS", areaCode: "62", period: "2024", sex: "MALE", value: 4 },
        { dataElementCode: "GENDER_EQUALITY_OFFICIALS", areaCode: "62", period: "2024", sex: "FEMALE", value: 6 },
        { dataElementCode: "GENDER_EQUALITY_OFFICIALS_TRAINED", areaCode: "62", period: "2024", sex: "MALE", value: 2 },
        { dataElementCode: "GENDER_EQUALITY_OFFICIALS_TRAINED", areaCode: "62", period: "2024", sex: "FEMALE", value: 6 },
        // forty attendances of officials of every kind
        { dataElementCode: "COMM_OFFICIALS_TRAINED", areaCode: "62", period: "2024", sex: "MALE", value: 15 },
        { dataElementCode: "COMM_OFFICIALS_TRAINED", areaCode: "62", period: "2024", sex: "FEMALE", value: 25 },
      ],
    });
    const data = await system.gateway.request<Rollup>(VALUE, { codes: ["GENDER_EQUALITY_OFFICIALS_TRAINED_SHARE"], parent: "62" });
    expect(data.rollup[0]).toMatchObject({ total: 80, male: 50, female: 100 });
  });
});
