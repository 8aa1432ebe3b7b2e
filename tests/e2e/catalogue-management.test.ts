// Managing the catalogue through the gateway: a province's catalogue manager defines local metadata, data entry
// collects it, and it stays inside the province; definitions with data keep their meaning; every change is audited.
import { Role } from "@vnge/shared";
import { type Caller, type TestSystem, authHeader, postGraphQL, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

const KON_TUM_MANAGER: Caller = { subject: "kontum-planner", roles: [Role.CATALOGUE_MANAGER], areaCodes: ["62"] };
const KON_TUM_ENTRY: Caller = { subject: "kontum-entry", roles: [Role.DATA_ENTRY], areaCodes: ["62"] };
const NATIONAL_ENTRY: Caller = { subject: "national-entry", roles: [Role.DATA_ENTRY], areaCodes: ["VN"] };
const NATIONAL_ANALYST: Caller = { subject: "national-analyst", roles: [Role.ANALYST], areaCodes: ["VN"] };
const HA_TINH_ANALYST: Caller = { subject: "hatinh-analyst", roles: [Role.ANALYST], areaCodes: ["38"] };

const CREATE_ELEMENT = `mutation ($input: CreateDataElementInput!) { createDataElement(input: $input) { code owner collectionLevel retired } }`;
const CREATE_INDICATOR = `mutation ($input: CreateIndicatorInput!) { createIndicator(input: $input) { code owner unit factor numerator { dataElement { code } sex } } }`;
const UPDATE_INDICATOR = `mutation ($input: UpdateIndicatorInput!) { updateIndicator(input: $input) { code name factor } }`;
const SUBMIT = `mutation ($input: SubmitDataValuesInput!) { submitDataValues(input: $input) { imported rejected conflicts { index field message } } }`;

const element = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  owner: "62",
  name: code,
  nameVi: code,
  valueType: "COUNT",
  disaggregatedBySex: true,
  collectionLevel: "COMMUNE",
  ...extra,
});

const indicator = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  owner: "62",
  name: code,
  nameVi: code,
  numerator: { element: "62.LITERACY_LEARNERS", sex: "FEMALE" },
  denominator: { element: "62.ILLITERATE_ADULTS", sex: "FEMALE" },
  factor: 100,
  unit: "PERCENT",
  decimals: 1,
  betterDirection: "HIGHER",
  ...extra,
});

async function call(caller: Caller, query: string, variables: Record<string, unknown>) {
  const { body } = await postGraphQL(system.gatewayUrl!, query, variables, await authHeader(caller));
  return body;
}

describe("local metadata of a province", () => {
  it("is defined by the province's catalogue manager, and refused to others", async () => {
    const created = await call(KON_TUM_MANAGER, CREATE_ELEMENT, { input: element("62.LITERACY_LEARNERS") });
    expect(created.errors).toBeUndefined();
    expect(created.data).toEqual({ createDataElement: { code: "62.LITERACY_LEARNERS", owner: "62", collectionLevel: "COMMUNE", retired: false } });
    expect((await call(KON_TUM_MANAGER, CREATE_ELEMENT, { input: element("62.ILLITERATE_ADULTS") })).errors).toBeUndefined();

    const national = await call(KON_TUM_MANAGER, CREATE_ELEMENT, { input: element("LITERACY", { owner: "VN" }) });
    expect(national.errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN" }, message: expect.stringContaining("national administrator") });
    const elsewhere = await call(KON_TUM_MANAGER, CREATE_ELEMENT, { input: element("38.LITERACY", { owner: "38" }) });
    expect(elsewhere.errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN" }, message: expect.stringContaining("outside your assigned areas") });
    const analyst = await call(NATIONAL_ANALYST, CREATE_ELEMENT, { input: element("62.OTHER") });
    expect(analyst.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const unprefixed = await call(KON_TUM_MANAGER, CREATE_ELEMENT, { input: element("LITERACY_62") });
    expect(unprefixed.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "code" }, message: expect.stringContaining('"62."') });
    const twice = await call(KON_TUM_MANAGER, CREATE_ELEMENT, { input: element("62.LITERACY_LEARNERS") });
    expect(twice.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" }, message: expect.stringContaining("already exists") });

    const defined = await call(KON_TUM_MANAGER, CREATE_INDICATOR, { input: indicator("62.WOMEN_LITERACY_SHARE") });
    expect(defined.errors).toBeUndefined();
    expect(defined.data).toEqual({
      createIndicator: {
        code: "62.WOMEN_LITERACY_SHARE",
        owner: "62",
        unit: "PERCENT",
        factor: 100,
        numerator: { dataElement: { code: "62.LITERACY_LEARNERS" }, sex: "FEMALE" },
      },
    });
    const listed = await system.gateway.request<{ indicators: { code: string; owner: string }[] }>(`{ indicators { code owner } }`);
    expect(listed.indicators).toContainEqual({ code: "62.WOMEN_LITERACY_SHARE", owner: "62" });
    expect(listed.indicators).toContainEqual({ code: "SEX_RATIO_AT_BIRTH", owner: "VN" });
  });

  it("refuses a level without districts other than PROVINCE or COMMUNE, for elements and data sets alike", async () => {
    const CREATE_SET = `mutation ($input: CreateDataSetInput!) { createDataSet(input: $input) { code } }`;
    const set = {
      code: "62.DISTRICT_SET",
      owner: "62",
      name: "x",
      nameVi: "x",
      collectionLevel: "DISTRICT",
      elements: ["62.LITERACY_LEARNERS"],
      deadlines: [],
    };
    for (const [query, input] of [
      [CREATE_ELEMENT, element("62.DISTRICT_FIGURE", { collectionLevel: "DISTRICT", collectionLevelWithoutDistricts: "NATION" })],
      [CREATE_SET, { ...set, collectionLevelWithoutDistricts: "DISTRICT" }],
    ] as const) {
      const refused = await call(KON_TUM_MANAGER, query, { input });
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0]).toMatchObject({
        message: expect.stringContaining("collectionLevelWithoutDistricts must be PROVINCE or COMMUNE"),
        extensions: { code: "BAD_USER_INPUT" },
      });
    }
  });

  it("refuses a formula that cannot be computed, each with its own reason", async () => {
    const refused = async (extra: Record<string, unknown>) =>
      (await call(KON_TUM_MANAGER, CREATE_INDICATOR, { input: indicator("62.BAD", extra) })).errors?.[0];
    expect(await refused({ numerator: { element: "62.NO_SUCH_ELEMENT" } })).toMatchObject({
      extensions: { code: "BAD_USER_INPUT", field: "numerator.element" },
      message: expect.stringContaining('unknown data element "62.NO_SUCH_ELEMENT"'),
    });
    // maternal deaths are not disaggregated by sex
    expect(await refused({ numerator: { element: "MATERNAL_DEATHS", sex: "FEMALE" }, denominator: { element: "LIVE_BIRTHS" } })).toMatchObject({
      extensions: { code: "BAD_USER_INPUT", field: "numerator.sex" },
      message: expect.stringContaining("MATERNAL_DEATHS is not disaggregated by sex"),
    });
    // employed persons are counted by the province, live births by communes
    expect(await refused({ numerator: { element: "EMPLOYED_PERSONS" }, denominator: { element: "LIVE_BIRTHS" } })).toMatchObject({
      extensions: { code: "BAD_USER_INPUT", field: "denominator.element" },
      message: expect.stringContaining("below the numerator"),
    });
    expect(await refused({ factor: 0 })).toMatchObject({
      extensions: { code: "BAD_USER_INPUT", field: "factor" },
      message: expect.stringContaining("factor must be a number greater than 0"),
    });
  });

  it("groups local elements in a local data set with its deadlines, checked like the national ones", async () => {
    const CREATE_SET = `mutation ($input: CreateDataSetInput!) { createDataSet(input: $input) { code owner collectionLevel dataElementCodes } }`;
    const set = {
      code: "62.ANNUAL_LITERACY",
      owner: "62",
      name: "Annual literacy classes",
      nameVi: "Thống kê lớp xóa mù chữ hằng năm",
      collectionLevel: "COMMUNE",
      elements: ["62.LITERACY_LEARNERS", "62.ILLITERATE_ADULTS"],
      deadlines: [
        { level: "COMMUNE", month: 12, day: 5 },
        { level: "PROVINCE", month: 12, day: 15 },
      ],
    };
    const created = await call(KON_TUM_MANAGER, CREATE_SET, { input: set });
    expect(created.data).toEqual({
      createDataSet: {
        code: "62.ANNUAL_LITERACY",
        owner: "62",
        collectionLevel: "COMMUNE",
        dataElementCodes: ["62.ILLITERATE_ADULTS", "62.LITERACY_LEARNERS"],
      },
    });
    const wrongLevel = await call(KON_TUM_MANAGER, CREATE_SET, { input: { ...set, code: "62.MIXED", elements: ["62.LITERACY_LEARNERS", "EMPLOYED_PERSONS"] } });
    expect(wrongLevel.errors?.[0]).toMatchObject({
      extensions: { code: "BAD_USER_INPUT" },
      message: expect.stringContaining("EMPLOYED_PERSONS is collected at PROVINCE"),
    });
    const national = await call(KON_TUM_MANAGER, CREATE_SET, { input: { ...set, code: "LITERACY", owner: "VN" } });
    expect(national.errors?.[0].extensions?.code).toBe("FORBIDDEN");

    const updated = await call(
      KON_TUM_MANAGER,
      `mutation { updateDataSet(input: { code: "62.ANNUAL_LITERACY", elements: ["62.LITERACY_LEARNERS"] }) { dataElementCodes } }`,
      {},
    );
    expect(updated.data).toEqual({ updateDataSet: { dataElementCodes: ["62.LITERACY_LEARNERS"] } });
    const listed = await system.gateway.request<{ dataSets: { code: string; owner: string }[] }>(`{ dataSets { code owner } }`);
    expect(listed.dataSets).toContainEqual({ code: "62.ANNUAL_LITERACY", owner: "62" });
    const audit = await system.gateway.request<{ catalogueChanges: { kind: string; action: string }[] }>(
      `{ catalogueChanges(code: "62.ANNUAL_LITERACY") { kind action } }`,
    );
    expect(audit.catalogueChanges).toEqual([
      { kind: "DATA_SET", action: "UPDATE" },
      { kind: "DATA_SET", action: "CREATE" },
    ]);

    expect((await call(KON_TUM_MANAGER, `mutation { retireDataSet(code: "62.ANNUAL_LITERACY") { code } }`, {})).errors).toBeUndefined();
    const after = await system.gateway.request<{ dataSets: { code: string }[] }>(`{ dataSets { code } }`);
    expect(after.dataSets.map((d) => d.code)).not.toContain("62.ANNUAL_LITERACY");
    const submitted = await call(
      KON_TUM_ENTRY,
      `mutation { submitDataSet(dataSetCode: "62.ANNUAL_LITERACY", areaCode: "23479", period: "2024") { state } }`,
      {},
    );
    expect(submitted.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "dataSetCode" }, message: expect.stringContaining("retired") });
  });

  it("collects values only at or beneath the owner", async () => {
    const inside = await call(KON_TUM_ENTRY, SUBMIT, {
      input: {
        values: [
          { dataElementCode: "62.LITERACY_LEARNERS", areaCode: "23479", period: "2024", sex: "FEMALE", value: 30 },
          { dataElementCode: "62.ILLITERATE_ADULTS", areaCode: "23479", period: "2024", sex: "FEMALE", value: 120 },
          { dataElementCode: "62.LITERACY_LEARNERS", areaCode: "23482", period: "2024", sex: "FEMALE", value: 10 },
          { dataElementCode: "62.ILLITERATE_ADULTS", areaCode: "23482", period: "2024", sex: "FEMALE", value: 80 },
        ],
      },
    });
    expect(inside.data).toEqual({ submitDataValues: { imported: 4, rejected: 0, conflicts: [] } });

    const outside = await call(NATIONAL_ENTRY, SUBMIT, {
      input: { values: [{ dataElementCode: "62.LITERACY_LEARNERS", areaCode: "14845", period: "2024", sex: "FEMALE", value: 5 }] },
    });
    expect(outside.data).toEqual({
      submitDataValues: {
        imported: 0,
        rejected: 1,
        conflicts: [
          {
            index: 0,
            field: "areaCode",
            message: "62.LITERACY_LEARNERS is a local data element of area 62: values are accepted only at or beneath 62, not at 14845",
          },
        ],
      },
    });
  });

  it("keeps a confidential local element under the disclosure rule", async () => {
    const created = await call(
      KON_TUM_MANAGER,
      `mutation {
      createDataElement(input: { code: "62.GBV_HOTLINE_CALLS", owner: "62", name: "Calls to the GBV hotline", nameVi: "Số cuộc gọi đường dây nóng về bạo lực giới",
        valueType: COUNT, disaggregatedBySex: false, collectionLevel: COMMUNE, confidential: true }) { code }
      createIndicator(input: { code: "62.GBV_HOTLINE_CALLS", owner: "62", name: "Calls to the GBV hotline", nameVi: "Số cuộc gọi đường dây nóng về bạo lực giới",
        numerator: { element: "62.GBV_HOTLINE_CALLS" }, factor: 1, unit: COUNT, decimals: 0, betterDirection: HIGHER }) { code }
    }`,
      {},
    );
    expect(created.errors).toBeUndefined();
    const submitted = await call(KON_TUM_ENTRY, SUBMIT, {
      input: {
        values: [
          { dataElementCode: "62.GBV_HOTLINE_CALLS", areaCode: "23479", period: "2024", value: 2 },
          { dataElementCode: "62.GBV_HOTLINE_CALLS", areaCode: "23485", period: "2024", value: 40 },
        ],
      },
    });
    expect(submitted.data).toEqual({ submitDataValues: { imported: 2, rejected: 0, conflicts: [] } });
    const READ = `{ area(code: "23479") { indicatorValues(indicatorCodes: ["62.GBV_HOTLINE_CALLS"], periods: ["2024"]) { total suppressed } } }`;
    expect((await call(NATIONAL_ANALYST, READ, {})).data).toEqual({ area: { indicatorValues: [{ total: null, suppressed: true }] } });
    expect(await system.gateway.request(READ)).toEqual({ area: { indicatorValues: [{ total: 2, suppressed: false }] } });
  });

  it("rolls up inside the owner and shows nothing outside it", async () => {
    const ROLLUP = `query ($parent: ID!, $level: AreaLevel) {
      rollup(indicatorCodes: ["62.WOMEN_LITERACY_SHARE"], periods: ["2024"], parentCode: $parent, level: $level) { area { code } total }
    }`;
    const province = await call(NATIONAL_ANALYST, ROLLUP, { parent: "62" });
    expect(province.data).toEqual({ rollup: [{ area: { code: "62" }, total: 20 }] });
    const nation = await call(NATIONAL_ANALYST, ROLLUP, { parent: "VN", level: "PROVINCE" });
    const rows = (nation.data as { rollup: { area: { code: string }; total: number | null }[] }).rollup;
    expect(rows.find((row) => row.area.code === "62")?.total).toBe(20);
    const others = rows.filter((row) => row.area.code !== "62");
    expect(others.length).toBeGreaterThan(0);
    expect(new Set(others.map((row) => row.total))).toEqual(new Set([null]));
    expect(((await call(NATIONAL_ANALYST, ROLLUP, { parent: "VN" })).data as { rollup: unknown[] }).rollup).toEqual([{ area: { code: "VN" }, total: null }]);
    expect(((await call(HA_TINH_ANALYST, ROLLUP, { parent: "38" })).data as { rollup: unknown[] }).rollup).toEqual([{ area: { code: "38" }, total: null }]);
  });
});

describe("targets for a local indicator", () => {
  const PLAN = `mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id targets { indicatorCode period } } }`;
  const plan = (areaCode: string) => ({
    areaCode,
    title: `Kế hoạch xóa mù chữ ${areaCode}`,
    type: "YEARLY",
    startYear: 2024,
    endYear: 2024,
    targets: [{ indicatorCode: "62.WOMEN_LITERACY_SHARE", period: "2024", targetValue: 25, comparison: "AT_LEAST" }],
  });

  it("are set at or beneath the owner as soon as it is defined, and tracked", async () => {
    const created = await system.gateway.request<{ createPlan: { targets: unknown[] } }>(PLAN, { input: plan("62") });
    expect(created.createPlan.targets).toEqual([{ indicatorCode: "62.WOMEN_LITERACY_SHARE", period: "2024" }]);
    const tracked = await call(
      NATIONAL_ANALYST,
      `{ area(code: "62") { targets(period: "2024") { indicator { code } actual { total } progress { status } } } }`,
      {},
    );
    const rows = (tracked.data as { area: { targets: { indicator: { code: string }; actual: { total: number }; progress: { status: string } }[] } }).area
      .targets;
    expect(rows.find((row) => row.indicator.code === "62.WOMEN_LITERACY_SHARE")).toEqual({
      indicator: { code: "62.WOMEN_LITERACY_SHARE" },
      actual: { total: 20 },
      progress: { status: "OFF_TRACK" },
    });
  });

  it("are refused outside the owner", async () => {
    const { body } = await postGraphQL(system.gatewayUrl!, PLAN, { input: plan("38") }, await authHeader());
    expect(body.errors?.[0]).toMatchObject({
      extensions: { code: "BAD_USER_INPUT" },
      message: expect.stringContaining("62.WOMEN_LITERACY_SHARE is a local indicator of area 62: it can be targeted only at or beneath 62, not at 38"),
    });
  });
});

describe("a definition that has data", () => {
  it("keeps its formula and unit, changes its labels, and every change is audited", async () => {
    const formula = await call(KON_TUM_MANAGER, UPDATE_INDICATOR, { input: { code: "62.WOMEN_LITERACY_SHARE", factor: 1000 } });
    expect(formula.errors?.[0]).toMatchObject({
      extensions: { code: "BAD_USER_INPUT", field: "factor" },
      message: expect.stringContaining("has values (data elements 62.ILLITERATE_ADULTS, 62.LITERACY_LEARNERS) and has 1 target"),
    });
    const unit = await call(KON_TUM_MANAGER, UPDATE_INDICATOR, { input: { code: "62.WOMEN_LITERACY_SHARE", unit: "TIMES" } });
    expect(unit.errors?.[0].message).toContain("its formula and unit cannot change");
    const level = await call(
      KON_TUM_MANAGER,
      `mutation { updateDataElement(input: { code: "62.LITERACY_LEARNERS", collectionLevel: DISTRICT }) { code } }`,
      {},
    );
    expect(level.errors?.[0].message).toContain("62.LITERACY_LEARNERS holds values: its collectionLevel cannot change");

    const renamed = await call(KON_TUM_MANAGER, UPDATE_INDICATOR, { input: { code: "62.WOMEN_LITERACY_SHARE", name: "Women attending literacy classes" } });
    expect(renamed.data).toEqual({ updateIndicator: { code: "62.WOMEN_LITERACY_SHARE", name: "Women attending literacy classes", factor: 100 } });
    const still = await call(NATIONAL_ANALYST, `{ rollup(indicatorCodes: ["62.WOMEN_LITERACY_SHARE"], periods: ["2024"], parentCode: "62") { total } }`, {});
    expect(still.data).toEqual({ rollup: [{ total: 20 }] });

    const AUDIT = `{ catalogueChanges(code: "62.WOMEN_LITERACY_SHARE") { kind action changedBy changedAt before after } }`;
    const audit = await system.gateway.request<{
      catalogueChanges: { kind: string; action: string; changedBy: string; changedAt: string; before: string | null; after: string }[];
    }>(AUDIT);
    expect(audit.catalogueChanges.map((c) => [c.kind, c.action, c.changedBy])).toEqual([
      ["INDICATOR", "UPDATE", "kontum-planner"],
      ["INDICATOR", "CREATE", "kontum-planner"],
    ]);
    const [update, create] = audit.catalogueChanges;
    expect(JSON.parse(update.before!)).toMatchObject({ name: "62.WOMEN_LITERACY_SHARE", factor: 100 });
    expect(JSON.parse(update.after)).toMatchObject({ name: "Women attending literacy classes", factor: 100 });
    expect(create.before).toBeNull();
    expect(Date.parse(update.changedAt)).toBeGreaterThanOrEqual(Date.parse(create.changedAt));
    expect((await call(KON_TUM_MANAGER, AUDIT, {})).errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("is retired, not deleted: its values stay readable, new ones are refused", async () => {
    const inUse = await call(KON_TUM_MANAGER, `mutation { retireDataElement(code: "62.LITERACY_LEARNERS") { code } }`, {});
    expect(inUse.errors?.[0].message).toContain("used by indicator 62.WOMEN_LITERACY_SHARE: retire it first");
    const retired = await call(KON_TUM_MANAGER, `mutation { retireIndicator(code: "62.WOMEN_LITERACY_SHARE") { code retired } }`, {});
    expect(retired.data).toEqual({ retireIndicator: { code: "62.WOMEN_LITERACY_SHARE", retired: true } });
    expect((await call(KON_TUM_MANAGER, `mutation { retireDataElement(code: "62.LITERACY_LEARNERS") { retired } }`, {})).data).toEqual({
      retireDataElement: { retired: true },
    });

    const lists = await system.gateway.request<{ active: { code: string }[]; all: { code: string }[] }>(
      `{ active: indicators { code } all: indicators(includeRetired: true) { code } }`,
    );
    expect(lists.active.map((i) => i.code)).not.toContain("62.WOMEN_LITERACY_SHARE");
    expect(lists.all.map((i) => i.code)).toContain("62.WOMEN_LITERACY_SHARE");
    const still = await call(NATIONAL_ANALYST, `{ rollup(indicatorCodes: ["62.WOMEN_LITERACY_SHARE"], periods: ["2024"], parentCode: "62") { total } }`, {});
    expect(still.data).toEqual({ rollup: [{ total: 20 }] });
    const refused = await call(KON_TUM_ENTRY, SUBMIT, {
      input: { values: [{ dataElementCode: "62.LITERACY_LEARNERS", areaCode: "23479", period: "2025", sex: "FEMALE", value: 3 }] },
    });
    expect((refused.data as { submitDataValues: { conflicts: { message: string }[] } }).submitDataValues.conflicts[0].message).toContain("is retired");
  });
});
