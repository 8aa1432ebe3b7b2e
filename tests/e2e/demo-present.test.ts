// The whole demo, as `npm start` loads it: the 63-province hierarchy until 30 June 2025 and the 34-province one
// since, with figures for 2023-2024 on the old communes and 2025-2026 on the new ones.
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "@vnge/shared";
import { type TestSystem, ADMIN, authHeader, postGraphQL, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({ seedDemo: true });
}, 180_000);
afterAll(() => system?.close());

async function ok<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const { body } = await postGraphQL(system.gatewayUrl!, query, variables, await authHeader(ADMIN));
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

interface Value {
  indicator: { code: string };
  period: string;
  area: { code: string; hierarchy: string };
  sourceHierarchy: string;
  approximate: boolean;
  total: number | null;
}
const ROLLUP = `query ($parent: ID!, $level: AreaLevel, $periods: [String!]!, $codes: [ID!]!, $hierarchy: String) {
  rollup(parentCode: $parent, level: $level, periods: $periods, indicatorCodes: $codes, hierarchy: $hierarchy) {
    indicator { code } period area { code hierarchy } sourceHierarchy approximate total } }`;
const rollup = async (variables: { parent: string; level?: string; periods: string[]; codes: string[]; hierarchy?: string }) =>
  (await ok<{ rollup: Value[] }>(ROLLUP, variables)).rollup;

describe("the README's first example", () => {
  it("shows the 34-province present: Thanh Hóa of the 2025-07 version, its communes directly beneath it", async () => {
    const readme = fs.readFileSync(path.join(repoRoot, "README.md"), "utf8");
    const body = readme.match(/-d '(\{"query":.*\})'/)?.[1];
    expect(body).toBeDefined();
    const { query } = JSON.parse(body!) as { query: string };
    const data = await ok<{ area: { hierarchy: string; name: string; children: { code: string; level: string }[] } }>(query);
    expect(data.area).toMatchObject({ hierarchy: "2025-07", name: "Thanh Hóa" });
    expect(data.area.children.length).toBeGreaterThan(0);
    expect(new Set(data.area.children.map((child) => child.level))).toEqual(new Set(["COMMUNE"]));
  });
});

describe("a time series across the reform", () => {
  const YEARS = ["2023", "2024", "2025", "2026"];

  it("gives the new Quảng Ngãi 2023-2024 from the former Kon Tum and Quảng Ngãi, 2025-2026 from its own communes", async () => {
    const series = await rollup({ parent: "51", periods: YEARS, codes: ["LIVE_BIRTHS"] });
    expect(series.map((v) => [v.period, v.area.hierarchy, v.sourceHierarchy])).toEqual([
      ["2023", "2025-07", "2025-03"],
      ["2024", "2025-07", "2025-03"],
      ["2025", "2025-07", "2025-07"],
      ["2026", "2025-07", "2025-07"],
    ]);
    // Two whole provinces merged: exact, and the sum of the two.
    const former = await rollup({ parent: "VN", level: "PROVINCE", periods: ["2023", "2024"], codes: ["LIVE_BIRTHS"], hierarchy: "2025-03" });
    for (const year of ["2023", "2024"]) {
      const sum = former.filter((v) => v.period === year && ["51", "62"].includes(v.area.code)).reduce((total, v) => total + v.total!, 0);
      expect(sum).toBeGreaterThan(0);
      expect(series.find((v) => v.period === year)).toMatchObject({ total: sum, approximate: false });
    }
    // After the reform: the sum of its communes, read on the new version.
    const communes = await rollup({ parent: "51", level: "COMMUNE", periods: ["2025", "2026"], codes: ["LIVE_BIRTHS"] });
    expect(new Set(communes.map((v) => v.area.hierarchy))).toEqual(new Set(["2025-07"]));
    for (const year of ["2025", "2026"]) {
      const sum = communes.filter((v) => v.period === year).reduce((total, v) => total + v.total!, 0);
      expect(series.find((v) => v.period === year)).toMatchObject({ total: sum, approximate: false });
    }
  });

  it("marks a new commune approximate for the years before the reform where a split commune fed it", async () => {
    // Old Việt Lâm (00967) was split between the new Vị Xuyên (00913) and Việt Lâm (00967); Phú Linh (00706) took whole communes.
    // A 2024 question reads the 2024 hierarchy by default: ask for the new one.
    const values = await rollup({ parent: "08", level: "COMMUNE", periods: ["2024"], codes: ["LIVE_BIRTHS"], hierarchy: "2025-07" });
    const of = (code: string) => values.find((v) => v.area.code === code);
    expect(of("00913")).toMatchObject({ approximate: true, sourceHierarchy: "2025-03" });
    expect(of("00706")).toMatchObject({ approximate: false, sourceHierarchy: "2025-03" });
  });

  it("counts the 2025 Action Month broadcasts of Phú Linh, a commune with no district above it", async () => {
    await ok(`mutation { resyncCommunicationIndicators(year: 2025) { __typename } }`);
    const [broadcasts] = await rollup({ parent: "00706", periods: ["2025"], codes: ["COMM_BROADCASTS"] });
    expect(broadcasts).toMatchObject({ area: { code: "00706", hierarchy: "2025-07" }, total: 2 });
  });
});

describe("every Strategy indicator in 2026, in the hierarchy without districts", () => {
  interface Element {
    code: string;
    collectionLevel: string;
    collectionLevelWithoutDistricts: string | null;
    disaggregatedBySex: boolean;
    confidential: boolean;
    maxValue: number | null;
  }
  interface Indicator {
    code: string;
    owner: string;
    numerator: { dataElement: Element };
    denominator: { dataElement: Element } | null;
  }
  const CATALOGUE = `{
    indicators { code owner numerator { dataElement { ...element } } denominator { dataElement { ...element } } }
    dataSets { code collectionLevel collectionLevelWithoutDistricts dataElementCodes owner }
    area(code: "51") { children { code level } }
    nation: area(code: "VN") { children { code } }
  }
  fragment element on DataElement { code collectionLevel collectionLevelWithoutDistricts disaggregatedBySex confidential maxValue }`;
  const FED_BY_COMMUNICATIONS = new Set(["COMM_BROADCASTS", "COMM_PEOPLE_REACHED", "COMM_OFFICIALS_TRAINED"]);
  const PERIOD = "2026";

  it("is collected from the new Quảng Ngãi, reported, approved and rolled up to the nation", async () => {
    const catalogue = await ok<{
      indicators: Indicator[];
      dataSets: { code: string; collectionLevel: string; collectionLevelWithoutDistricts: string | null; dataElementCodes: string[]; owner: string }[];
      area: { children: { code: string; level: string }[] };
      nation: { children: { code: string }[] };
    }>(CATALOGUE);
    const national = catalogue.indicators.filter((indicator) => indicator.owner === "VN");
    expect(national.length).toBeGreaterThanOrEqual(20);
    const communes = catalogue.area.children.map((child) => child.code);
    expect(new Set(catalogue.area.children.map((child) => child.level))).toEqual(new Set(["COMMUNE"]));

    // Submitted values: each element at the level it is collected at in a hierarchy without districts.
    const elements = new Map<string, Element>();
    for (const indicator of national)
      for (const term of [indicator.numerator, indicator.denominator]) if (term) elements.set(term.dataElement.code, term.dataElement);
    const submitted = [...elements.values()].filter((element) => !element.confidential && !FED_BY_COMMUNICATIONS.has(element.code));
    const areasAt = (level: string) => (level === "COMMUNE" ? communes : level === "PROVINCE" ? ["51"] : ["VN"]);
    // A whole (any indicator's denominator) gets more than its parts.
    const wholes = new Set(national.flatMap((indicator) => (indicator.denominator ? [indicator.denominator.dataElement.code] : [])));
    const values = submitted.flatMap((element) => {
      const level = element.collectionLevelWithoutDistricts ?? element.collectionLevel;
      expect(level).not.toBe("DISTRICT");
      return areasAt(level).flatMap((areaCode) =>
        (element.disaggregatedBySex ? (["MALE", "FEMALE"] as const) : [null]).map((sex) => ({
          dataElementCode: element.code,
          areaCode,
          period: PERIOD,
          sex,
          value: Math.min(wholes.has(element.code) ? 40 : 20, element.maxValue ?? Number.POSITIVE_INFINITY),
        })),
      );
    });
    const written = await ok<{ submitDataValues: { imported: number; rejected: number; conflicts: { message: string }[] } }>(
      `mutation ($values: [DataValueInput!]!) { submitDataValues(input: { values: $values }) { imported rejected conflicts { message } } }`,
      { values },
    );
    expect(written.submitDataValues.conflicts).toEqual([]);

    // Case records at new communes (the confidential elements) and activities (the communication elements).
    for (const [i, areaCode] of communes.slice(0, 3).entries()) {
      for (const form of ["PHYSICAL", "TRAFFICKING"]) {
        const { recordCase } = await ok<{ recordCase: { indicatorFeed: string } }>(
          `mutation ($input: CaseRecordInput!) { recordCase(input: $input) { indicatorFeed } }`,
          {
            input: {
              areaCode,
              detectedOn: `2026-0${i + 2}-10`,
              form,
              setting: "FAMILY",
              victimSex: "FEMALE",
              victimAgeGroup: "AGE_30_59",
              victimEthnicMinority: false,
              perpetratorSex: "MALE",
              perpetratorCounselled: true,
              services: [{ service: "PSYCHOLOGICAL_COUNSELLING", providedOn: `2026-0${i + 2}-12` }],
            },
          },
        );
        expect(recordCase.indicatorFeed).toBe("PUSHED");
      }
    }
    const activities = communes.slice(0, 2).flatMap((areaCode) => [
      { areaCode, kind: "BROADCAST", title: "Bản tin bình đẳng giới", startDate: "2026-11-20", reachedMale: 100, reachedFemale: 120 },
      {
        areaCode,
        kind: "TRAINING_COURSE",
        title: "Tập huấn cán bộ",
        startDate: "2026-11-25",
        participantsMale: 10,
        participantsFemale: 12,
        officialsMale: 5,
        officialsFemale: 7,
      },
    ]);
    const recorded = await ok<{ recordActivities: { imported: number; indicatorsUpdated: boolean; conflicts: { message: string }[] } }>(
      `mutation ($input: RecordActivitiesInput!) { recordActivities(input: $input) { imported indicatorsUpdated conflicts { message } } }`,
      { input: { activities } },
    );
    expect(recorded.recordActivities).toEqual({ imported: activities.length, indicatorsUpdated: true, conflicts: [] });

    // Every national data set: reported by the areas that collect it in the new version, then approved.
    for (const dataSet of catalogue.dataSets.filter((set) => set.owner === "VN")) {
      const level = dataSet.collectionLevelWithoutDistricts ?? dataSet.collectionLevel;
      const provinces = catalogue.nation.children.map((child) => child.code);
      const reporters = level === "COMMUNE" ? communes : provinces;
      for (const areaCode of reporters) {
        await ok(`mutation ($set: ID!, $area: ID!) { submitDataSet(dataSetCode: $set, areaCode: $area, period: "2026") { state } }`, {
          set: dataSet.code,
          area: areaCode,
        });
      }
      // Communes report to their province, provinces to the nation.
      const status = await ok<{ reportingStatus: { expected: number; received: number } }>(
        `query ($set: ID!, $parent: ID!, $level: AreaLevel!) { reportingStatus(dataSetCode: $set, period: "2026", parentCode: $parent, level: $level) { expected received } }`,
        level === "COMMUNE" ? { set: dataSet.code, parent: "51", level } : { set: dataSet.code, parent: "VN", level: "PROVINCE" },
      );
      expect({ set: dataSet.code, ...status.reportingStatus }).toEqual({ set: dataSet.code, expected: reporters.length, received: reporters.length });
      // Approved by the level above the reporters: the province for its communes (no district between), the nation for a province.
      const approved = await ok<{ approveDataSet: { state: string } }>(
        `mutation ($set: ID!, $area: ID!) { approveDataSet(dataSetCode: $set, areaCode: $area, period: "2026") { state } }`,
        { set: dataSet.code, area: level === "COMMUNE" ? "51" : "VN" },
      );
      expect(approved.approveDataSet.state).toBe(level === "COMMUNE" ? "APPROVED" : "ACCEPTED");
    }

    // The nation's 2026 value of every Strategy indicator, read on the 2025-07 version.
    const nation = await rollup({ parent: "VN", periods: [PERIOD], codes: national.map((indicator) => indicator.code) });
    expect(nation.map((v) => v.indicator.code).sort()).toEqual(national.map((indicator) => indicator.code).sort());
    expect(nation.filter((v) => v.total === null).map((v) => v.indicator.code)).toEqual([]);
    expect(new Set(nation.map((v) => `${v.area.hierarchy}/${v.sourceHierarchy}`))).toEqual(new Set(["2025-07/2025-07"]));
  });
});
