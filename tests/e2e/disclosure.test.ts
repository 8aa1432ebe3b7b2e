// The one disclosure rule on every path a figure can take out of the system (docs/decisions/0080):
// figures derived from case records are suppressed for every caller but case workers and administrators,
// and unapproved figures are withheld from partners. The fields that can carry a figure are read from the
// API's own schema, so a new numeric field fails this test until it is probed here or declared no figure.
import fs from "node:fs";
import path from "node:path";
import { Supergraph } from "@apollo/federation-internals";
import { type GraphQLSchema, getNamedType, isObjectType } from "graphql";
import { Role } from "@vnge/shared";
import { type Caller, type TestSystem, startTestSystem } from "../testkit";

let system: TestSystem;
let schema: GraphQLSchema;

const ANALYST: Caller = { subject: "national-analyst", roles: [Role.ANALYST], areaCodes: ["VN"] };
const PARTNER: Caller = { subject: "partner-app", roles: [Role.PARTNER], areaCodes: ["VN"] };
const CASE_WORKER: Caller = { subject: "case-worker-381", roles: [Role.CASE_WORKER], areaCodes: ["381"] };

// Bỉm Sơn (381) in 2024: a commune with 3 cases (below the threshold of 5), one with 10 that suppression
// takes as the complement (the smallest other), and one with 20 that stays published.
const SMALL = "14809";
const OTHER = "14815";
const LARGE = "14812";
const CASE_YEAR = "2024";
// LIVE_BIRTHS of 2023 are reported in the demo and not approved anywhere.
const UNAPPROVED_YEAR = "2023";

/** Numeric fields that carry no statistical figure, with the reason. Everything else must be probed below. */
const NOT_FIGURES: Record<string, string> = {
  "DataElement.maxValue": "catalogue metadata",
  "Indicator.factor": "catalogue metadata",
  "Indicator.decimals": "catalogue metadata",
  "Plan.startYear": "plan metadata",
  "Plan.endYear": "plan metadata",
  "Target.targetValue": "a plan's published target",
  "Target.baselineValue": "a plan's published baseline",
  "TargetProgress.expected": "computed from the published target and baseline",
  "CaseStatistics.suppressionThreshold": "the rule's own threshold",
  "ReportingRound.expected": "counts of reporters of a plan's report, not of people",
  "ReportingRound.onTime": "counts of reporters of a plan's report, not of people",
  "ReportingRound.late": "counts of reporters of a plan's report, not of people",
  "ReportingRound.missing": "counts of reporters of a plan's report, not of people",
  "ReportSubmission.documentSize": "a file's size",
  "DataValueChange.sequence": "a change's place in a history",
  "ReportingStatus.expected": "counts of areas reporting, not of people",
  "ReportingStatus.received": "counts of areas reporting, not of people",
  "ReportingStatus.onTime": "counts of areas reporting, not of people",
  "ReportingStatus.late": "counts of areas reporting, not of people",
  "ReportingStatus.missing": "counts of areas reporting, not of people",
  "ValidationReport.errors": "how many rules failed, not what the values are",
  "ValidationReport.warnings": "how many values look unusual, not what they are",
  "ImportSummary.imported": "a write's own row counts, answered to the writer",
  "ImportSummary.updated": "a write's own row counts, answered to the writer",
  "ImportSummary.unchanged": "a write's own row counts, answered to the writer",
  "ImportSummary.rejected": "a write's own row counts, answered to the writer",
  "ImportConflict.index": "a row number of the writer's own batch",
  "ImportIssue.line": "a line number of the writer's own file",
  "PlanImportReport.rows": "a line count of the writer's own file",
  "ActivityImportConflict.index": "a row number of the writer's own batch",
  "ActivityImportSummary.imported": "a write's own row counts, answered to the writer",
  "ActivityImportSummary.rejected": "a write's own row counts, answered to the writer",
  "CommunicationIndicatorResync.values": "how many aggregates an administrator's resync pushed",
  // Communication activities are public records of campaigns: neither derived from cases nor governed by data sets.
  "Activity.cost": "a public activity record",
  "ActivityKindStatistics.activities": "public activity records",
  "CommuneBroadcasts.broadcasts": "public activity records",
  "CommunicationStatistics.activities": "public activity records",
  "CommunicationStatistics.cost": "public activity records",
  "MaterialCount.count": "public activity records",
  "PeopleBySex.male": "public activity records",
  "PeopleBySex.female": "public activity records",
  "PeopleBySex.total": "public activity records",
};

/** The coordinates (Type.field) of every numeric field of the API. */
function numericFields(api: GraphQLSchema): string[] {
  const fields: string[] = [];
  for (const type of Object.values(api.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type).name;
      if (named === "Int" || named === "Float") fields.push(`${type.name}.${field.name}`);
    }
  }
  return fields.sort();
}

/**
 * Walks the same answer as seen by an administrator and by another caller. Every figure the administrator
 * sees as a number must be null for the other caller, but case statistics' zeros, which the rule publishes
 * (zero describes nobody); adds the coordinates where that was checked.
 */
function checkHidden(exact: unknown, seen: unknown, typename: string | null, path: string, checked: Set<string>): void {
  if (Array.isArray(exact)) {
    expect(Array.isArray(seen)).toBe(true);
    for (const [i, item] of exact.entries()) checkHidden(item, (seen as unknown[])[i], typename, `${path}[${i}]`, checked);
    return;
  }
  if (exact === null || typeof exact !== "object") return;
  const object = exact as Record<string, unknown>;
  const other = (seen ?? {}) as Record<string, unknown>;
  const type = typeof object.__typename === "string" ? object.__typename : typename;
  for (const [key, value] of Object.entries(object)) {
    if (typeof value === "number") {
      if (type === null) continue;
      const coordinate = `${type}.${key}`;
      if (NOT_FIGURES[coordinate] || (value === 0 && CASE_ONLY.has(coordinate))) continue;
      if (other[key] !== null) throw new Error(`${path}.${key} (${coordinate}) is ${String(other[key])} for a caller who may not see it (exact: ${value})`);
      checked.add(coordinate);
    } else {
      checkHidden(value, other[key], type, `${path}.${key}`, checked);
    }
  }
}

const VALUE_FIELDS = `__typename total male female femaleToMaleRatio approximateShare completeness
  numerator { __typename total male female } denominator { __typename total male female }`;

interface Probe {
  name: string;
  query: string;
}

const indicatorProbes = (indicatorCode: string, areaCode: string, period: string): Probe[] => [
  {
    name: `rollup of ${indicatorCode} at ${areaCode}`,
    query: `{ rollup(indicatorCodes: ["${indicatorCode}"], periods: ["${period}"], parentCode: "${areaCode}") { ${VALUE_FIELDS} } }`,
  },
  {
    name: `Indicator.value of ${indicatorCode} at ${areaCode}`,
    query: `{ indicator(code: "${indicatorCode}") { value(areaCode: "${areaCode}", period: "${period}") { ${VALUE_FIELDS} } } }`,
  },
  {
    name: `Area.indicatorValues of ${indicatorCode} at ${areaCode}`,
    query: `{ area(code: "${areaCode}") { indicatorValues(periods: ["${period}"], indicatorCodes: ["${indicatorCode}"]) { ${VALUE_FIELDS} } } }`,
  },
];

const historyProbe = (element: string, areaCode: string, period: string): Probe => ({
  name: `history of ${element} at ${areaCode}`,
  query: `{ dataValueHistory(dataElementCode: "${element}", areaCode: "${areaCode}", period: "${period}", sex: FEMALE) { __typename oldValue newValue } }`,
});

const validationProbe = (areaCode: string, period: string): Probe => ({
  name: `validation at ${areaCode} for ${period}`,
  query: `{ validateDataSet(dataSetCode: "ANNUAL_GENDER_COMMUNE", areaCode: "${areaCode}", period: "${period}") { __typename violations { __typename ruleCode leftValue rightValue } } }`,
});

const targetProbe = (targetId: string): Probe => ({
  name: `target ${targetId}`,
  query: `{ target(id: "${targetId}") { __typename actual { ${VALUE_FIELDS} } progress { __typename value gap gapToExpected } } }`,
});

async function answer(caller: Caller | null, query: string): Promise<Record<string, unknown>> {
  const client = caller ? await system.as(caller) : system.gateway;
  return client.request<Record<string, unknown>>(query);
}

const RECORD = `mutation ($input: CaseRecordInput!) { recordCase(input: $input) { indicatorFeed } }`;

async function recordCase(areaCode: string, victimSex: "MALE" | "FEMALE", supported: boolean) {
  const { recordCase: result } = await system.gateway.request<{ recordCase: { indicatorFeed: string } }>(RECORD, {
    input: {
      areaCode,
      detectedOn: `${CASE_YEAR}-03-10`,
      form: "PHYSICAL",
      setting: "FAMILY",
      victimSex,
      victimAgeGroup: "AGE_30_59",
      victimEthnicMinority: false,
      perpetratorSex: victimSex === "FEMALE" ? "MALE" : "FEMALE",
      services: supported ? [{ service: "HEALTH_CARE", providedOn: `${CASE_YEAR}-03-11` }] : [],
    },
  });
  expect(result.indicatorFeed).toBe("PUSHED");
}

async function submit(values: { dataElement: string; areaCode: string; period: string; sex: "MALE" | "FEMALE"; value: number }[]) {
  await system.gateway.request(`mutation ($input: SubmitDataValuesInput!) { submitDataValues(input: $input) { rejected } }`, {
    input: { values: values.map(({ dataElement, ...rest }) => ({ dataElementCode: dataElement, ...rest })) },
  });
}

let confidentialTarget: string;
let unapprovedTarget: string;

beforeAll(async () => {
  system = await startTestSystem();
  // The API the gateway serves: the composed supergraph's client-facing schema.
  schema = Supergraph.build(fs.readFileSync(path.join(__dirname, "..", "..", "schema", "supergraph.graphql"), "utf8"))
    .apiSchema()
    .toGraphQLJSSchema();

  for (const [sex, supported] of [
    ["FEMALE", true],
    ["FEMALE", true],
    ["MALE", false],
  ] as const)
    await recordCase(SMALL, sex, supported);
  for (let i = 0; i < 5; i++) for (const sex of ["FEMALE", "MALE"] as const) await recordCase(OTHER, sex, true);
  for (let i = 0; i < 10; i++) for (const sex of ["FEMALE", "MALE"] as const) await recordCase(LARGE, sex, i % 2 === 0);
  // A value typed by hand that breaks a rule over case-derived elements, and one over unapproved data.
  await submit([{ dataElement: "GBV_VICTIMS_SUPPORTED", areaCode: SMALL, period: CASE_YEAR, sex: "FEMALE", value: 7 }]);
  await submit([
    { dataElement: "LIVE_BIRTHS", areaCode: SMALL, period: UNAPPROVED_YEAR, sex: "FEMALE", value: 40 },
    { dataElement: "RURAL_WORKERS", areaCode: SMALL, period: UNAPPROVED_YEAR, sex: "FEMALE", value: 30 },
    { dataElement: "RURAL_WORKERS_TRAINED", areaCode: SMALL, period: UNAPPROVED_YEAR, sex: "FEMALE", value: 45 },
  ]);
  await submit([{ dataElement: "LIVE_BIRTHS", areaCode: SMALL, period: UNAPPROVED_YEAR, sex: "FEMALE", value: 41 }]);

  const { createPlan } = await system.gateway.request<{ createPlan: { targets: { id: string; indicatorCode: string }[] } }>(
    `mutation ($input: CreatePlanInput!) { createPlan(input: $input) { targets { id indicatorCode } } }`,
    {
      input: {
        areaCode: SMALL,
        title: "Kế hoạch thực hiện bình đẳng giới",
        type: "FIVE_YEAR",
        startYear: 2021,
        endYear: 2025,
        targets: [
          { indicatorCode: "GBV_VICTIMS_SUPPORTED_SHARE", period: CASE_YEAR, targetValue: 90, comparison: "AT_LEAST" },
          { indicatorCode: "SEX_RATIO_AT_BIRTH", period: UNAPPROVED_YEAR, targetValue: 110, comparison: "AT_MOST" },
        ],
      },
    },
  );
  confidentialTarget = createPlan.targets.find((t) => t.indicatorCode === "GBV_VICTIMS_SUPPORTED_SHARE")!.id;
  unapprovedTarget = createPlan.targets.find((t) => t.indicatorCode === "SEX_RATIO_AT_BIRTH")!.id;
});
afterAll(() => system?.close());

const confidentialProbes = (): Probe[] => [
  ...indicatorProbes("GBV_VICTIMS_SUPPORTED_SHARE", SMALL, CASE_YEAR),
  ...indicatorProbes("GBV_VICTIMS_DETECTED", SMALL, CASE_YEAR),
  historyProbe("GBV_VICTIMS_DETECTED", SMALL, CASE_YEAR),
  validationProbe(SMALL, CASE_YEAR),
  targetProbe(confidentialTarget),
  {
    name: "case statistics",
    query: `{ area(code: "${SMALL}") { caseStatistics(period: "${CASE_YEAR}") {
      total { __typename count } bySex { __typename count } byAgeGroup { __typename count } byForm { __typename count } byService { __typename count } } } }`,
  },
];

const unapprovedProbes = (): Probe[] => [
  ...indicatorProbes("LIVE_BIRTHS", SMALL, UNAPPROVED_YEAR),
  ...indicatorProbes("SEX_RATIO_AT_BIRTH", "381", UNAPPROVED_YEAR),
  historyProbe("LIVE_BIRTHS", SMALL, UNAPPROVED_YEAR),
  validationProbe(SMALL, UNAPPROVED_YEAR),
  targetProbe(unapprovedTarget),
];

async function checkedFields(caller: Caller, probes: Probe[]): Promise<Set<string>> {
  const checked = new Set<string>();
  for (const probe of probes) {
    const [exact, seen] = await Promise.all([answer(null, probe.query), answer(caller, probe.query)]);
    try {
      checkHidden(exact, seen, null, probe.name, checked);
    } catch (error) {
      throw new Error(`${probe.name}: ${(error as Error).message}`);
    }
  }
  return checked;
}

describe("every figure the schema can carry obeys the disclosure rule", () => {
  it("classifies every numeric field of the API as a figure probed here or as no figure", () => {
    const unclassified = numericFields(schema).filter((field) => !NOT_FIGURES[field] && !FIGURES.has(field));
    expect(unclassified).toEqual([]);
    const stale = Object.keys(NOT_FIGURES).filter((field) => !numericFields(schema).includes(field));
    expect(stale).toEqual([]);
  });

  it("suppresses case-derived figures for an analyst and a partner on every path", async () => {
    for (const caller of [ANALYST, PARTNER]) {
      const checked = await checkedFields(caller, confidentialProbes());
      expect([...FIGURES].filter((field) => !checked.has(field)).sort()).toEqual([]);
    }
  });

  it("withholds unapproved figures from a partner on every path that can carry them", async () => {
    const checked = await checkedFields(PARTNER, unapprovedProbes());
    expect([...FIGURES].filter((field) => !checked.has(field) && !CASE_ONLY.has(field)).sort()).toEqual([]);
  });

  it("shows a case worker in scope the exact figures, and an analyst a large commune's", async () => {
    const exact = await answer(null, indicatorProbes("GBV_VICTIMS_DETECTED", SMALL, CASE_YEAR)[0].query);
    const caseWorker = await answer(CASE_WORKER, indicatorProbes("GBV_VICTIMS_DETECTED", SMALL, CASE_YEAR)[0].query);
    expect(caseWorker).toEqual(exact);
    expect((exact.rollup as { total: number }[])[0].total).toBe(3);
    const analyst = await answer(
      ANALYST,
      `{ rollup(indicatorCodes: ["GBV_VICTIMS_DETECTED"], periods: ["${CASE_YEAR}"], parentCode: "${LARGE}") { total female } }`,
    );
    expect(analyst.rollup).toEqual([{ total: 20, female: 10 }]);
  });

  it("hides a small commune's figure however its district's and siblings' published figures are combined", async () => {
    const { rollup } = (await answer(
      ANALYST,
      `{ rollup(indicatorCodes: ["GBV_VICTIMS_DETECTED"], periods: ["${CASE_YEAR}"], parentCode: "381", level: COMMUNE) { area { code } total male female suppressed } }`,
    )) as {
      rollup: { area: { code: string }; total: number | null; male: number | null; female: number | null; suppressed: boolean }[];
    };
    const { rollup: district } = (await answer(
      ANALYST,
      `{ rollup(indicatorCodes: ["GBV_VICTIMS_DETECTED"], periods: ["${CASE_YEAR}"], parentCode: "381") { total suppressed } }`,
    )) as {
      rollup: { total: number | null; suppressed: boolean }[];
    };
    expect(rollup.find((v) => v.area.code === SMALL)).toMatchObject({ total: null, male: null, female: null, suppressed: true });
    expect(rollup.find((v) => v.area.code === OTHER)).toMatchObject({ total: null, suppressed: true });
    expect(rollup.find((v) => v.area.code === LARGE)).toMatchObject({ total: 20, male: 10, female: 10, suppressed: false });
    // With one commune's total hidden, the district's total minus the others' would give it away.
    const hiddenTotals = rollup.filter((v) => v.total === null && v.suppressed);
    expect(district[0].total === null || hiddenTotals.length >= 2).toBe(true);
  });
});

describe("the case statistics and the indicator engine", () => {
  it("hide the same cells of the detected victims, so neither reveals what the other hides", async () => {
    for (const areaCode of [SMALL, OTHER, LARGE, "381", "38"]) {
      const data = (await answer(
        ANALYST,
        `{ area(code: "${areaCode}") { caseStatistics(period: "${CASE_YEAR}") { total { count } bySex { sex count } } }
           rollup(indicatorCodes: ["GBV_VICTIMS_DETECTED"], periods: ["${CASE_YEAR}"], parentCode: "${areaCode}") { total male female } }`,
      )) as {
        area: { caseStatistics: { total: { count: number | null }; bySex: { sex: string; count: number | null }[] } };
        rollup: { total: number | null; male: number | null; female: number | null }[];
      };
      const statistics = data.area.caseStatistics;
      const sex = (name: string) => statistics.bySex.find((s) => s.sex === name)!.count;
      expect({ area: areaCode, total: statistics.total.count, male: sex("MALE"), female: sex("FEMALE") }).toEqual({ area: areaCode, ...data.rollup[0] });
    }
  });
});

/** Fields that only case-derived figures reach (no data set governs case statistics). */
const CASE_ONLY = new Set(["CaseCount.count", "CaseCountBySex.count", "CaseCountByAgeGroup.count", "CaseCountByForm.count", "CaseCountByService.count"]);

/** Every figure field: each is checked under both rules by the probes above (case statistics under the first only). */
const FIGURES = new Set([
  "IndicatorValue.total",
  "IndicatorValue.male",
  "IndicatorValue.female",
  "IndicatorValue.femaleToMaleRatio",
  "IndicatorValue.approximateShare",
  "IndicatorValue.completeness",
  "SexBreakdown.total",
  "SexBreakdown.male",
  "SexBreakdown.female",
  "DataValueChange.oldValue",
  "DataValueChange.newValue",
  "ValidationViolation.leftValue",
  "ValidationViolation.rightValue",
  "TargetProgress.value",
  "TargetProgress.gap",
  "TargetProgress.gapToExpected",
  ...CASE_ONLY,
]);
