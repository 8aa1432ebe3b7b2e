// The rollup against a hand-computed fixture: ratios of sums at every level, never means of
// the children's percentages; sex ratio at birth and maternal mortality ratio; completeness.
import type { TestDatabase } from "@vnge/shared/testing/test-database";
import { SUBMIT, execute, openFixtureDatabase, run } from "../../__tests__/harness";

let db: TestDatabase;

// commune: [victims detected F, M; victims supported F, M; live births M, F; maternal deaths]; 00008 reports nothing.
const FIGURES: Record<string, number[]> = {
  "00001": [10, 0, 9, 0, 110, 100, 0],
  "00002": [90, 10, 45, 5, 60, 50, 1],
  "00003": [20, 5, 20, 5, 212, 200, 0],
  "00004": [380, 15, 40, 1, 0, 0, 0],
  "00005": [1, 1, 1, 0, 55, 50, 1],
  "00006": [99, 1, 0, 0, 105, 100, 0],
  "00007": [50, 50, 25, 10, 230, 200, 0],
};

beforeAll(async () => {
  db = await openFixtureDatabase();
  const values = Object.entries(FIGURES).flatMap(([areaCode, [detF, detM, supF, supM, birthsM, birthsF, deaths]]) => {
    const v = (dataElementCode: string, value: number, sex?: "MALE" | "FEMALE") => ({ dataElementCode, areaCode, period: "2023", value, sex });
    return [
      v("GBV_VICTIMS_DETECTED", detF, "FEMALE"),
      v("GBV_VICTIMS_DETECTED", detM, "MALE"),
      v("GBV_VICTIMS_SUPPORTED", supF, "FEMALE"),
      v("GBV_VICTIMS_SUPPORTED", supM, "MALE"),
      v("LIVE_BIRTHS", birthsM, "MALE"),
      v("LIVE_BIRTHS", birthsF, "FEMALE"),
      v("MATERNAL_DEATHS", deaths),
    ];
  });
  const { submitDataValues } = await run(db, SUBMIT, { input: { values } });
  expect(submitDataValues).toMatchObject({ imported: 49, rejected: 0 });
});
afterAll(() => db?.dispose());

const ROLLUP = `query ($codes: [ID!]!, $periods: [String!]!, $parent: ID!, $level: AreaLevel) {
  rollup(indicatorCodes: $codes, periods: $periods, parentCode: $parent, level: $level) {
    indicator { code } area { code } period total male female femaleToMaleRatio completeness
    numerator { total male female } denominator { total male female }
  }
}`;

type Row = {
  indicator: { code: string };
  area: { code: string };
  total: number | null;
  male: number | null;
  female: number | null;
  femaleToMaleRatio: number | null;
  completeness: number | null;
  numerator: Record<string, number | null>;
  denominator: Record<string, number | null> | null;
};

async function rollup(codes: string[], parent: string, level?: string, periods = ["2023"]): Promise<Row[]> {
  return (await run<{ rollup: Row[] }>(db, ROLLUP, { codes, periods, parent, level })).rollup;
}

const pick = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.area.code, [r.total, r.male, r.female]]));

describe("a percentage indicator", () => {
  it("is the ratio of sums at province and nation, not the mean of the children's percentages", async () => {
    const [nation] = await rollup(["GBV_VICTIMS_SUPPORTED_SHARE"], "VN");
    // 161 supported / 732 detected; the mean of the provinces' 23.6 and 17.8 would be 20.7.
    expect(nation).toMatchObject({ total: 22, male: 25.6, female: 21.5, femaleToMaleRatio: 0.84, completeness: 0.875 });
    expect(nation.numerator).toEqual({ total: 161, male: 21, female: 140 });
    expect(nation.denominator).toEqual({ total: 732, male: 82, female: 650 });

    const provinces = await rollup(["GBV_VICTIMS_SUPPORTED_SHARE"], "VN", "PROVINCE");
    // Province 01: 125 / 530 = 23.6 (its districts' 53.6 and 15.7 average 34.7).
    expect(pick(provinces)).toEqual({ "01": [23.6, 36.7, 22.8], "02": [17.8, 19.2, 17.3] });
    expect(provinces.map((p) => p.completeness)).toEqual([1, 0.75]);
  });

  it("is right at district and commune level, with null for a zero or missing denominator", async () => {
    expect(pick(await rollup(["GBV_VICTIMS_SUPPORTED_SHARE"], "VN", "DISTRICT"))).toEqual({
      "001": [53.6, 50, 54],
      "002": [15.7, 30, 15],
      "003": [1, 0, 1],
      "004": [35, 20, 50],
    });
    const communes = await rollup(["GBV_VICTIMS_SUPPORTED_SHARE"], "02", "COMMUNE");
    expect(pick(communes)).toEqual({ "00005": [50, 0, 100], "00006": [0, 0, 0], "00007": [35, 20, 50], "00008": [null, null, null] });
    expect(communes.map((c) => c.completeness)).toEqual([1, 1, 1, 0]);
    const [first] = await rollup(["GBV_VICTIMS_SUPPORTED_SHARE"], "00001");
    expect(first).toMatchObject({ total: 90, male: null, female: 90, femaleToMaleRatio: null });
  });
});

describe("sex ratio at birth and maternal mortality ratio", () => {
  const both = ["SEX_RATIO_AT_BIRTH", "MATERNAL_MORTALITY_RATIO"];
  const byIndicator = (rows: Row[]) => Object.fromEntries(rows.map((r) => [`${r.indicator.code}@${r.area.code}`, r.total]));

  it("are right at commune, district, province and nation", async () => {
    expect(byIndicator(await rollup(both, "VN"))).toEqual({ "SEX_RATIO_AT_BIRTH@VN": 110.3, "MATERNAL_MORTALITY_RATIO@VN": 135.9 });
    expect(byIndicator(await rollup(both, "VN", "PROVINCE"))).toEqual({
      "SEX_RATIO_AT_BIRTH@01": 109.1,
      "MATERNAL_MORTALITY_RATIO@01": 136.6,
      "SEX_RATIO_AT_BIRTH@02": 111.4,
      "MATERNAL_MORTALITY_RATIO@02": 135.1,
    });
    expect(byIndicator(await rollup(both, "001", "DISTRICT"))).toEqual({ "SEX_RATIO_AT_BIRTH@001": 113.3, "MATERNAL_MORTALITY_RATIO@001": 312.5 });
    expect(byIndicator(await rollup(both, "001", "COMMUNE"))).toEqual({
      "SEX_RATIO_AT_BIRTH@00001": 110,
      "MATERNAL_MORTALITY_RATIO@00001": 0,
      "SEX_RATIO_AT_BIRTH@00002": 120,
      "MATERNAL_MORTALITY_RATIO@00002": 909.1,
    });
    // No births: null, not an error.
    expect(byIndicator(await rollup(both, "00004"))).toEqual({ "SEX_RATIO_AT_BIRTH@00004": null, "MATERNAL_MORTALITY_RATIO@00004": null });
  });

  it("give the sums behind the ratio", async () => {
    const [srb] = await rollup(["SEX_RATIO_AT_BIRTH"], "VN");
    expect(srb.numerator).toEqual({ total: 772, male: null, female: null });
    expect(srb.denominator).toEqual({ total: 700, male: null, female: null });
  });
});

describe("Indicator.value and Area.indicatorValues", () => {
  it("return the same numbers as the rollup", async () => {
    const data = await run(
      db,
      `{
      indicator(code: "SEX_RATIO_AT_BIRTH") { value(areaCode: "01", period: "2023") { total area { name } } }
      area(code: "02") { indicatorValues(indicatorCodes: ["MATERNAL_MORTALITY_RATIO", "LIVE_BIRTHS"], periods: ["2023", "2024"]) { indicator { code } period total male female } }
    }`,
    );
    expect(data.indicator.value).toEqual({ total: 109.1, area: { name: "Area 01" } });
    expect(data.area.indicatorValues).toEqual([
      { indicator: { code: "MATERNAL_MORTALITY_RATIO" }, period: "2023", total: 135.1, male: null, female: null },
      { indicator: { code: "MATERNAL_MORTALITY_RATIO" }, period: "2024", total: null, male: null, female: null },
      { indicator: { code: "LIVE_BIRTHS" }, period: "2023", total: 740, male: 390, female: 350 },
      { indicator: { code: "LIVE_BIRTHS" }, period: "2024", total: null, male: null, female: null },
    ]);
  });
});

describe("rollup input errors", () => {
  const errorOf = async (codes: string[], parent: string, level?: string, periods = ["2023"]) => {
    const result = await execute(db, ROLLUP, { codes, periods, parent, level });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions?.code).toBe("BAD_USER_INPUT");
    return result.errors![0].message;
  };

  it("names unknown indicators and areas, bad periods and levels above the parent", async () => {
    expect(await errorOf(["SEX_RATIO_AT_BIRTH", "NOPE", "NADA"], "VN")).toBe('unknown indicator codes "NOPE", "NADA"');
    expect(await errorOf(["SEX_RATIO_AT_BIRTH"], "99")).toBe('unknown area "99" in hierarchy 2025-03');
    expect(await errorOf(["SEX_RATIO_AT_BIRTH"], "VN", undefined, ["2023-01"])).toMatch(/^period "2023-01" must be a year \(2023\)/);
    expect(await errorOf(["SEX_RATIO_AT_BIRTH"], "001", "PROVINCE")).toMatch(/^level PROVINCE is above area 001 \(DISTRICT\)/);
  });

  it("limits the fan-out", async () => {
    expect(
      await errorOf(
        Array.from({ length: 101 }, (_, i) => `I${i}`),
        "VN",
      ),
    ).toBe("at most 100 indicators per request, got 101");
    const periods = Array.from({ length: 21 }, (_, i) => String(2000 + i));
    expect(await errorOf(["SEX_RATIO_AT_BIRTH"], "VN", undefined, periods)).toBe("at most 20 periods per request, got 21");
  });
});
