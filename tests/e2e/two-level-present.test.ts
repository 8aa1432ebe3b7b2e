import { type TestSystem, ADMIN, authHeader, postGraphQL } from "../testkit";
import { startReformSystem } from "./reform-fixture";

let system: TestSystem;
beforeAll(async () => {
  system = await startReformSystem();
}, 120_000);
afterAll(() => system?.close());

async function ok<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const { body } = await postGraphQL(system.gatewayUrl!, query, variables, await authHeader(ADMIN));
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

const SUBMIT_VALUES = `mutation ($values: [DataValueInput!]!) { submitDataValues(input: { values: $values }) { imported updated rejected conflicts { message } } }`;
const value = (dataElementCode: string, areaCode: string, period: string, sex: "MALE" | "FEMALE" | null, v: number) => ({
  dataElementCode,
  areaCode,
  period,
  sex,
  value: v,
});

describe("a data set collected by districts before the reform, in the hierarchy without districts", () => {
  const NEW_COMMUNES_08 = ["00691", "00712", "02200"];

  it("is collected from each commune, reported, approved into the province and rolled up for 2026", async () => {
    const values = NEW_COMMUNES_08.flatMap((commune, i) =>
      (["MALE", "FEMALE"] as const).flatMap((sex) => [
        value("ETHNIC_MINORITY_PRIMARY_COHORT", commune, "2026", sex, 100 + i),
        value("ETHNIC_MINORITY_PRIMARY_COMPLETED", commune, "2026", sex, 90 + i),
      ]),
    );
    const submitted = await ok<{ submitDataValues: { imported: number; rejected: number } }>(SUBMIT_VALUES, { values });
    expect(submitted.submitDataValues).toMatchObject({ imported: values.length, rejected: 0 });

    const STATUS = `query ($level: AreaLevel!) { reportingStatus(dataSetCode: "ANNUAL_EDUCATION_DISTRICT", period: "2026", parentCode: "08", level: $level) {
      expected received areas { areaCode } } }`;
    const before = await ok<{ reportingStatus: { expected: number; received: number } }>(STATUS, { level: "COMMUNE" });
    expect(before.reportingStatus).toMatchObject({ expected: NEW_COMMUNES_08.length, received: 0 });

    for (const commune of NEW_COMMUNES_08) {
      const submitted = await ok<{ submitDataSet: { state: string } }>(
        `mutation ($a: ID!) { submitDataSet(dataSetCode: "ANNUAL_EDUCATION_DISTRICT", period: "2026", areaCode: $a) { state } }`,
        { a: commune },
      );
      expect(submitted.submitDataSet.state).toBe("SUBMITTED");
    }
    const after = await ok<{ reportingStatus: { expected: number; received: number } }>(STATUS, { level: "COMMUNE" });
    expect(after.reportingStatus).toMatchObject({ expected: 3, received: 3 });

    // Communes approve into the province: no district between them.
    const approved = await ok<{ approveDataSet: { state: string } }>(
      `mutation { approveDataSet(dataSetCode: "ANNUAL_EDUCATION_DISTRICT", period: "2026", areaCode: "08") { state } }`,
    );
    expect(approved.approveDataSet.state).toBe("APPROVED");
    const province = await ok<{ reportingStatus: { expected: number; received: number } }>(
      `{ reportingStatus(dataSetCode: "ANNUAL_EDUCATION_DISTRICT", period: "2026", parentCode: "VN", level: PROVINCE) { expected received } }`,
    );
    expect(province.reportingStatus).toMatchObject({ expected: 2, received: 1 });

    const rollup = await ok<{ rollup: { area: { code: string; hierarchy: string }; total: number }[] }>(
      `{ rollup(indicatorCodes: ["ETHNIC_MINORITY_PRIMARY_COMPLETION"], periods: ["2026"], parentCode: "08") { area { code hierarchy } total } }`,
    );
    const completed = 2 * (90 + 91 + 92);
    const cohort = 2 * (100 + 101 + 102);
    expect(rollup.rollup).toEqual([{ area: { code: "08", hierarchy: "2025-07" }, total: expect.closeTo((100 * completed) / cohort, 1) }]);
  });

  it("refuses the data set's values at a province of the new version", async () => {
    const refused = await ok<{ submitDataValues: { rejected: number; conflicts: { message: string }[] } }>(SUBMIT_VALUES, {
      values: [value("ETHNIC_MINORITY_PRIMARY_COHORT", "08", "2026", "MALE", 1)],
    });
    expect(refused.submitDataValues.rejected).toBe(1);
    expect(refused.submitDataValues.conflicts[0].message).toContain("collected at COMMUNE level in hierarchy 2025-07");
  });

  it("keeps the district level for the old version's years", async () => {
    const old = await ok<{ submitDataValues: { imported: number } }>(SUBMIT_VALUES, {
      values: [value("ETHNIC_MINORITY_PRIMARY_COHORT", "024", "2024", "MALE", 10)],
    });
    expect(old.submitDataValues.imported).toBe(1);
    const status = await ok<{ reportingStatus: { expected: number } }>(
      `{ reportingStatus(dataSetCode: "ANNUAL_EDUCATION_DISTRICT", period: "2024", parentCode: "VN", level: DISTRICT) { expected } }`,
    );
    expect(status.reportingStatus.expected).toBe(3);
  });
});

describe("broadcasts recorded at a commune of the new version", () => {
  it("reach the indicator engine as COMM_BROADCASTS of the commune", async () => {
    const RECORD = `mutation ($input: ActivityInput!) { recordActivity(input: $input) { id } }`;
    for (const startDate of ["2026-03-02", "2026-04-06"]) {
      await ok(RECORD, { input: { areaCode: "00712", kind: "BROADCAST", title: "Loa phát thanh", startDate, channel: "LOUDSPEAKER" } });
    }
    const data = await ok<{ rollup: { area: { code: string }; total: number | null }[] }>(
      `{ rollup(indicatorCodes: ["COMM_BROADCASTS"], periods: ["2026"], parentCode: "08", level: COMMUNE) { area { code } total } }`,
    );
    expect(data.rollup.find((v) => v.area.code === "00712")?.total).toBe(2);
  });
});

describe("a 2021-2025 plan's 2025 targets, judged on the 2025-07 version", () => {
  // Old Hà Giang (02) and old Tuyên Quang (08) merged into the new Tuyên Quang (08); Lào Cai (10) kept its extent.
  const PROGRESS = `progress { status value approximate acrossReform { fromHierarchy toHierarchy successorCodes mapping mergedWith approximate comparable note } }`;
  type Judged = {
    indicatorCode: string;
    area: { code: string; hierarchy: string };
    areaHierarchy: string;
    progress: {
      status: string;
      value: number | null;
      approximate: boolean;
      acrossReform: { successorCodes: string[]; mapping: string; mergedWith: string[]; approximate: boolean; comparable: boolean; note: string } | null;
    };
  };
  const targetsOf = async (areaCode: string) => {
    const target = (indicatorCode: string, targetValue: number) => ({ indicatorCode, period: "2025", targetValue, comparison: "AT_LEAST" });
    const created = await ok<{ createPlan: { targets: Judged[] } }>(
      `mutation ($input: CreatePlanInput!) { createPlan(input: $input) { targets { indicatorCode area { code hierarchy } areaHierarchy ${PROGRESS} } } }`,
      {
        input: {
          areaCode,
          title: `Kế hoạch bình đẳng giới 2021-2025 (${areaCode})`,
          type: "FIVE_YEAR",
          startYear: 2021,
          endYear: 2025,
          targets: [target("LIVE_BIRTHS", 25), target("ENTERPRISES_WOMAN_LED_SHARE", 30)],
        },
      },
    );
    return new Map(created.createPlan.targets.map((t) => [t.indicatorCode, t]));
  };

  beforeAll(async () => {
    // 2025 is reported on the new communes (live births) and provinces (enterprises).
    const births = { "00691": 10, "00712": 5, "02200": 20, "02800": 7 };
    await ok(SUBMIT_VALUES, {
      values: [
        ...Object.entries(births).flatMap(([commune, n]) => [
          value("LIVE_BIRTHS", commune, "2025", "MALE", n),
          value("LIVE_BIRTHS", commune, "2025", "FEMALE", n),
        ]),
        ...["08", "10"].flatMap((province) => [value("ENTERPRISES", province, "2025", null, 100), value("ENTERPRISES_WOMAN_LED", province, "2025", null, 40)]),
      ],
    });
  });

  it("judges a merged-away province on its own former communes, exactly, naming the mapping (no longer NO_DATA)", async () => {
    const haGiang = await targetsOf("02");
    const births = haGiang.get("LIVE_BIRTHS")!;
    expect(births).toMatchObject({ area: { code: "02", hierarchy: "2025-03" }, areaHierarchy: "2025-03" });
    // 00691 and 00712 lie wholly inside the old Hà Giang: 2 x (10 + 5).
    expect(births.progress).toMatchObject({
      status: "ACHIEVED",
      value: 30,
      approximate: false,
      acrossReform: { successorCodes: ["08"], mapping: "FULL", mergedWith: ["08"], approximate: false, comparable: true },
    });
  });

  it("says there is no sound mapping for a province-level figure of a province merged into a larger one", async () => {
    for (const code of ["02", "08"]) {
      const share = (await targetsOf(code)).get("ENTERPRISES_WOMAN_LED_SHARE")!;
      expect([code, share.progress.status, share.progress.value, share.progress.acrossReform?.comparable]).toEqual([code, "NOT_COMPARABLE", null, false]);
      expect(share.progress.acrossReform?.note).toContain("cannot be judged");
    }
  });

  it("no longer judges the old province that kept its code against the merged new one", async () => {
    const births = (await targetsOf("08")).get("LIVE_BIRTHS")!;
    // Only 02200 lies in the old Tuyên Quang: 2 x 20, not the new province's 70.
    expect(births.progress).toMatchObject({ status: "ACHIEVED", value: 40, approximate: false, acrossReform: { mapping: "FULL", mergedWith: ["02"] } });
  });

  it("judges a province whose extent did not change as before, saying so", async () => {
    const laoCai = await targetsOf("10");
    expect(laoCai.get("ENTERPRISES_WOMAN_LED_SHARE")!.progress).toMatchObject({
      status: "ACHIEVED",
      value: 40,
      approximate: false,
      acrossReform: { successorCodes: ["10"], mapping: "FULL", mergedWith: [], comparable: true },
    });
  });
});
