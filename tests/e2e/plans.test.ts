// Plans and targets through the gateway: the Kon Tum 2017 appendix imported, and targets shown with
// their actual values (indicators subgraph) and progress (plans subgraph, @requires) in one query.
import fs from "node:fs";
import { parse } from "csv-parse/sync";
import path from "node:path";
import { Role } from "@vnge/shared";
import { type Caller, type TestSystem, authHeader, postGraphQL, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

const FIXTURE = path.join(__dirname, "..", "fixtures", "kon-tum-2017-appendix.csv");

interface Actual {
  total: number | null;
  male: number | null;
  female: number | null;
}
interface TargetRow {
  id: string;
  indicatorCode: string;
  period: string;
  sex: string | null;
  targetValue: number;
  comparison: string;
  actual: Actual | null;
  progress: { status: string; value: number | null; expected: number; gap: number | null } | null;
}

const CREATE_PLAN = `mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id areaCode: area { code } targets { id indicatorCode period sex } deadlines { report dueDate met } } }`;
const TARGET_FIELDS = `id indicatorCode period sex targetValue comparison actual { total male female } progress { status value expected gap }`;

async function raw(query: string, variables?: Record<string, unknown>, caller?: Caller) {
  return (await postGraphQL(system.gatewayUrl!, query, variables, await authHeader(caller))).body;
}

async function planIdFor(areaCode: string, documentNumber: string): Promise<string> {
  const data = await system.gateway.request<{ plans: { id: string; documentNumber: string }[] }>(
    `query ($a: ID!) { plans(areaCode: $a) { id documentNumber } }`,
    { a: areaCode },
  );
  return data.plans.find((plan) => plan.documentNumber === documentNumber)!.id;
}

async function actualAt(areaCode: string, indicatorCodes: string[], period: string): Promise<Map<string, Actual>> {
  const data = await system.gateway.request<{ rollup: (Actual & { indicator: { code: string } })[] }>(
    `query ($codes: [ID!]!, $p: String!, $a: ID!) { rollup(indicatorCodes: $codes, periods: [$p], parentCode: $a) { indicator { code } total male female } }`,
    { codes: indicatorCodes, p: period, a: areaCode },
  );
  return new Map(data.rollup.map((row) => [row.indicator.code, { total: row.total, male: row.male, female: row.female }]));
}

describe("the Kon Tum 2017 appendix, as the demo brings it in", () => {
  type Report = {
    rows: number;
    dryRun: boolean;
    targets: { indicatorCode: string; period: string; targetValue: number; sourceText: string }[];
    problems: { line: number; message: string }[];
    warnings: unknown[];
  };
  const IMPORT = `mutation ($id: ID!, $csv: String!, $dry: Boolean!) {
    importPlanTargets(planId: $id, csv: $csv, dryRun: $dry) { rows dryRun targets { indicatorCode period targetValue sourceText } problems { line column message } warnings { line column message } }
  }`;

  it("tracks every row with a figure as targets (national or local indicators); 112/100 is stored as 112 boys per 100 girls", async () => {
    const planId = await planIdFor("62", "16/KH-BVSTBCPN");
    const csv = fs.readFileSync(FIXTURE, "utf8");
    const rows = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    expect(rows).toHaveLength(22);
    const stored = await system.gateway.request<{
      plan: {
        targets: {
          indicatorCode: string;
          period: string;
          targetValue: number;
          comparison: string;
          baselineValue: number;
          sourceText: string;
          indicator: { name: string; owner: string };
        }[];
      };
    }>(`query ($id: ID!) { plan(id: $id) { targets { indicatorCode period targetValue comparison baselineValue sourceText indicator { name owner } } } }`, {
      id: planId,
    });
    const localNames = new Set(stored.plan.targets.filter((target) => target.indicator.owner === "62").map((target) => target.indicator.name));
    const codes = new Set(stored.plan.targets.map((target) => target.indicatorCode));
    for (const row of rows) {
      if (row.indicator_code) expect({ row: row.indicator, tracked: codes.has(row.indicator_code) }).toEqual({ row: row.indicator, tracked: true });
      // the staffing row's cells hold no figure ("Bố trí đủ cán bộ"): defined, reported, not a target
      else
        expect({ row: row.indicator, tracked: localNames.has(row.indicator) }).toEqual({
          row: row.indicator,
          tracked: !row.indicator.startsWith("Bố trí đủ cán bộ"),
        });
    }
    expect(codes.size).toBe(21);
    const srb = stored.plan.targets.find((target) => target.indicatorCode === "SEX_RATIO_AT_BIRTH" && target.period === "2017")!;
    expect(srb).toMatchObject({ targetValue: 112, comparison: "AT_MOST", sourceText: "112/100", indicator: { name: "Sex ratio at birth", owner: "VN" } });
    expect(srb.baselineValue).toBeCloseTo(105.88, 2);
    const abortion = stored.plan.targets.find((target) => target.sourceText === "< 86/100.000")!;
    expect(abortion).toMatchObject({ targetValue: 86, comparison: "AT_MOST", indicator: { owner: "62" } });

    // a re-import changes nothing: every target is reported as a duplicate, none written
    const again = await system.gateway.request<{ importPlanTargets: Report }>(IMPORT, { id: planId, csv, dry: false });
    expect(again.importPlanTargets.targets).toEqual([]);
    expect(again.importPlanTargets.problems.filter((problem) => /duplicate target/.test(problem.message))).toHaveLength(16);
    const after = await system.gateway.request<{ plan: { targets: unknown[] } }>(`query ($id: ID!) { plan(id: $id) { targets { id } } }`, { id: planId });
    expect(after.plan.targets).toHaveLength(stored.plan.targets.length);
  });
});

describe("targets with their actual values and progress, in one gateway query", () => {
  const PERIOD = "2023";
  let expected: Map<string, Actual>;
  let targets: TargetRow[];

  beforeAll(async () => {
    expected = await actualAt("62", ["SEX_RATIO_AT_BIRTH", "LIVE_BIRTHS", "GBV_VICTIMS_SUPPORTED_SHARE", "GBV_VICTIMS_DETECTED"], PERIOD);
    const srb = expected.get("SEX_RATIO_AT_BIRTH")!.total!;
    const births = expected.get("LIVE_BIRTHS")!;
    const supported = expected.get("GBV_VICTIMS_SUPPORTED_SHARE")!.total!;
    const detected = expected.get("GBV_VICTIMS_DETECTED")!.total!;
    expect(detected).toBeGreaterThan(0);
    const target = (indicatorCode: string, comparison: string, targetValue: number, extra: Record<string, unknown> = {}) => ({
      indicatorCode,
      period: PERIOD,
      comparison,
      targetValue,
      ...extra,
    });
    await system.gateway.request(CREATE_PLAN, {
      input: {
        areaCode: "62",
        title: "Kế hoạch thực hiện công tác bình đẳng giới năm 2023",
        type: "YEARLY",
        startYear: 2023,
        endYear: 2023,
        documentNumber: "TEST/2023",
        status: "ISSUED",
        targets: [
          target("SEX_RATIO_AT_BIRTH", "AT_MOST", srb), // exactly on target
          target("LIVE_BIRTHS", "AT_MOST", Math.round(births.total! / 1.05)), // 5% above an at-most target
          target("GBV_VICTIMS_DETECTED", "AT_MOST", detected / 2), // twice an at-most target
          target("GBV_VICTIMS_SUPPORTED_SHARE", "AT_LEAST", supported + 50), // far below an at-least target
          target("LIVE_BIRTHS", "AT_LEAST", births.male!, { sex: "MALE" }), // met by boys...
          target("LIVE_BIRTHS", "AT_LEAST", births.male!, { sex: "FEMALE" }), // ...not by girls
          target("SEX_RATIO_AT_BIRTH", "AT_MOST", 110, { period: "2024" }), // no data for 2024
          // A five-year target running through 2023, ahead of its straight path from the 2020 baseline.
          target("GBV_VICTIMS_SUPPORTED_SHARE", "AT_LEAST", supported + 10, { period: "2025", baselineValue: supported - 30, baselinePeriod: "2020" }),
        ],
      },
    });
    const data = await system.gateway.request<{ area: { targets: TargetRow[] } }>(
      `{ area(code: "62") { name targets(period: "${PERIOD}") { ${TARGET_FIELDS} } } }`,
    );
    targets = data.area.targets;
  });

  const find = (indicatorCode: string, sex: string | null = null, period = PERIOD) =>
    targets.find((t) => t.indicatorCode === indicatorCode && t.sex === sex && t.period === period)!;

  it("lists the targets due in the year and those running through it, each with the rolled-up actual value", () => {
    expect(targets.map((t) => `${t.indicatorCode}/${t.period}/${t.sex ?? "ALL"}`).sort()).toEqual(
      [
        "GBV_VICTIMS_DETECTED/2023/ALL",
        "GBV_VICTIMS_SUPPORTED_SHARE/2023/ALL",
        "GBV_VICTIMS_SUPPORTED_SHARE/2025/ALL",
        "LIVE_BIRTHS/2023/ALL",
        "LIVE_BIRTHS/2023/FEMALE",
        "LIVE_BIRTHS/2023/MALE",
        "SEX_RATIO_AT_BIRTH/2023/ALL",
      ].sort(),
    );
    for (const target of targets) expect(target.actual).toEqual(expected.get(target.indicatorCode));
  });

  it("gets at-least and at-most statuses right, exactly on target included", () => {
    expect(find("SEX_RATIO_AT_BIRTH").progress).toMatchObject({ status: "ACHIEVED", gap: 0 });
    expect(find("LIVE_BIRTHS").progress).toMatchObject({ status: "AT_RISK", value: expected.get("LIVE_BIRTHS")!.total });
    expect(find("GBV_VICTIMS_DETECTED").progress!.status).toBe("OFF_TRACK");
    expect(find("GBV_VICTIMS_DETECTED").progress!.gap).toBeGreaterThan(0);
    expect(find("GBV_VICTIMS_SUPPORTED_SHARE").progress).toMatchObject({ status: "OFF_TRACK", gap: -50 });
    expect(find("GBV_VICTIMS_SUPPORTED_SHARE", null, "2025").progress).toMatchObject({ status: "ON_TRACK" });
  });

  it("judges a sex-specific target on that sex's value only", () => {
    const births = expected.get("LIVE_BIRTHS")!;
    expect(find("LIVE_BIRTHS", "MALE").progress).toMatchObject({ status: "ACHIEVED", value: births.male, gap: 0 });
    const girls = find("LIVE_BIRTHS", "FEMALE").progress!;
    expect(girls).toMatchObject({ value: births.female, gap: births.female! - births.male! });
    expect(["AT_RISK", "OFF_TRACK"]).toContain(girls.status);
  });

  it("says NO_DATA for a year without values", async () => {
    const data = await system.gateway.request<{ area: { targets: TargetRow[] } }>(`{ area(code: "62") { targets(period: "2024") { ${TARGET_FIELDS} } } }`);
    const srb2024 = data.area.targets.find((t) => t.indicatorCode === "SEX_RATIO_AT_BIRTH" && t.period === "2024")!;
    expect(srb2024.actual).toMatchObject({ total: null });
    expect(srb2024.progress).toMatchObject({ status: "NO_DATA", value: null, gap: null });
  });

  it("lists the targets at risk or off track beneath the nation, filtered through the query plan", async () => {
    const data = await system.gateway.request<{ targetsOffTrack: { targets: (TargetRow & { area: { code: string; name: string } })[] } }>(
      `{ targetsOffTrack(parentCode: "VN", level: PROVINCE, period: "${PERIOD}") { targets { ${TARGET_FIELDS} area { code name } } } }`,
    );
    const offTrack = targets.filter((t) => t.progress && ["AT_RISK", "OFF_TRACK"].includes(t.progress.status));
    expect(offTrack.length).toBeGreaterThanOrEqual(3);
    expect(data.targetsOffTrack.targets.map((t) => t.id).sort()).toEqual(offTrack.map((t) => t.id).sort());
    for (const target of data.targetsOffTrack.targets) {
      expect(target.area).toEqual({ code: "62", name: "Kon Tum" });
      expect(["AT_RISK", "OFF_TRACK"]).toContain(target.progress!.status);
    }
    const districts = await system.gateway.request<{ targetsOffTrack: { targets: unknown[] } }>(
      `{ targetsOffTrack(parentCode: "62", level: DISTRICT, period: "${PERIOD}") { targets { id } } }`,
    );
    expect(districts.targetsOffTrack.targets).toEqual([]);
  });
});

describe("validation: clear errors, nothing written", () => {
  const base = { areaCode: "38", title: "Kế hoạch thử", type: "FIVE_YEAR", startYear: 2021, endYear: 2025 };
  const good = { indicatorCode: "SEX_RATIO_AT_BIRTH", period: "2025", comparison: "AT_MOST", targetValue: 109, baselineValue: 115, baselinePeriod: "2020" };

  async function plansOf(areaCode: string) {
    return (await system.gateway.request<{ plans: { title: string }[] }>(`query ($a: ID!) { plans(areaCode: $a) { title } }`, { a: areaCode })).plans;
  }

  it.each([
    ["an unknown indicator", { ...good, indicatorCode: "NOT_IN_CATALOGUE" }, /unknown indicator "NOT_IN_CATALOGUE"/],
    ["a target period before its baseline", { ...good, period: "2019" }, /target period 2019 is not after its baseline period 2020/],
    ["a sex-specific target on an indicator without a sex split", { ...good, sex: "FEMALE" }, /no male and female values/],
  ])("refuses %s", async (_what, target, message) => {
    const before = (await plansOf("38")).length;
    // The valid target goes first: the invalid one after it must stop the whole plan.
    const body = await raw(CREATE_PLAN, { input: { ...base, targets: [{ ...good, indicatorCode: "MATERNAL_MORTALITY_RATIO" }, target] } });
    expect(body.errors?.[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: "BAD_USER_INPUT" } });
    expect((await plansOf("38")).length).toBe(before);
  });

  it("refuses a bad comparison", async () => {
    const body = await raw(CREATE_PLAN, { input: { ...base, targets: [{ ...good, comparison: "ROUGHLY" }] } });
    expect(body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(body.errors?.[0].message).toMatch(/ROUGHLY/);
  });

  it("refuses duplicate targets, in one request or against the plan, writing none of the batch", async () => {
    const duplicated = await raw(CREATE_PLAN, { input: { ...base, targets: [good, { ...good, targetValue: 108 }] } });
    expect(duplicated.errors?.[0]).toMatchObject({ message: expect.stringMatching(/duplicate target/), extensions: { code: "BAD_USER_INPUT" } });

    const created = await system.gateway.request<{ createPlan: { id: string } }>(CREATE_PLAN, { input: { ...base, documentNumber: "DUP/1", targets: [good] } });
    const ADD = `mutation ($id: ID!, $t: [TargetInput!]!) { addTargets(planId: $id, targets: $t) { id } }`;
    const other = { ...good, indicatorCode: "MATERNAL_MORTALITY_RATIO", targetValue: 40, baselineValue: 50 };
    const body = await raw(ADD, { id: created.createPlan.id, t: [other, good] });
    expect(body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/target 2: duplicate target: the plan already has/),
      extensions: { code: "BAD_USER_INPUT" },
    });
    const plan = await system.gateway.request<{ plan: { targets: { indicatorCode: string }[] } }>(
      `query ($id: ID!) { plan(id: $id) { targets { indicatorCode } } }`,
      { id: created.createPlan.id },
    );
    expect(plan.plan.targets.map((t) => t.indicatorCode)).toEqual(["SEX_RATIO_AT_BIRTH"]);
  });
  it("refuses the second of two plans with the same number sent at once", async () => {
    const input = { ...base, documentNumber: "RACE/1", targets: [good] };
    const bodies = await Promise.all([raw(CREATE_PLAN, { input }), raw(CREATE_PLAN, { input })]);
    const codes = bodies.map((body) => body.errors?.[0]?.extensions?.code ?? "OK").sort();
    expect(codes).toEqual(["BAD_USER_INPUT", "OK"]);
  });
});

describe("reporting deadlines", () => {
  it("records what is due from which level to which, and whether it came in time", async () => {
    const { createPlan } = await system.gateway.request<{ createPlan: { id: string; deadlines: unknown[] } }>(
      `mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id deadlines { id report fromLevel toLevel dueDate submittedOn met } } }`,
      {
        input: {
          areaCode: "030",
          title: "Triển khai công tác bình đẳng giới năm 2019",
          type: "YEARLY",
          startYear: 2019,
          endYear: 2019,
          deadlines: [
            { report: "Báo cáo kết quả năm 2019 của các xã", fromLevel: "COMMUNE", toLevel: "DISTRICT", dueDate: "2019-12-05" },
            { report: "Báo cáo kết quả năm 2019 của tỉnh", fromLevel: "PROVINCE", toLevel: "MINISTRY", dueDate: "2019-12-10" },
          ],
        },
      },
    );
    const [communes, province] = createPlan.deadlines as { id: string; met: boolean | null }[];
    expect(communes).toMatchObject({ fromLevel: "COMMUNE", toLevel: "DISTRICT", dueDate: "2019-12-05", submittedOn: null, met: false });
    const RECORD = `mutation ($id: ID!, $d: String!) { recordReportSubmitted(id: $id, submittedOn: $d) { submittedOn met } }`;
    expect((await system.gateway.request<{ recordReportSubmitted: unknown }>(RECORD, { id: communes.id, d: "2019-12-04" })).recordReportSubmitted).toEqual({
      submittedOn: "2019-12-04",
      met: true,
    });
    expect((await system.gateway.request<{ recordReportSubmitted: unknown }>(RECORD, { id: province.id, d: "2019-12-11" })).recordReportSubmitted).toEqual({
      submittedOn: "2019-12-11",
      met: false,
    });
    const bad = await raw(RECORD, { id: province.id, d: "11/12/2019" });
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
  });
});

describe("access", () => {
  const planInput = { areaCode: "62", title: "Kế hoạch", type: "YEARLY", startYear: 2023, endYear: 2023, documentNumber: "ACCESS/1" };

  it("lets only ADMIN and DATA_ENTRY within the plan's area write plans; nothing is written otherwise", async () => {
    const analyst = await raw(CREATE_PLAN, { input: planInput }, { subject: "analyst", roles: [Role.ANALYST], areaCodes: ["VN"] });
    expect(analyst.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const elsewhere = await raw(CREATE_PLAN, { input: planInput }, { subject: "clerk-38", roles: [Role.DATA_ENTRY], areaCodes: ["38"] });
    expect(elsewhere.errors?.[0]).toMatchObject({ message: expect.stringMatching(/area 62: outside your assigned areas/), extensions: { code: "FORBIDDEN" } });
    const planId = await planIdFor("62", "16/KH-BVSTBCPN");
    const imported = await raw(
      `mutation ($id: ID!) { importPlanTargets(planId: $id, csv: "x") { rows } }`,
      { id: planId },
      { subject: "clerk-38", roles: [Role.DATA_ENTRY], areaCodes: ["38"] },
    );
    expect(imported.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const plans = await system.gateway.request<{ plans: { documentNumber: string | null }[] }>(`{ plans(areaCode: "62") { documentNumber } }`);
    expect(plans.plans.map((p) => p.documentNumber)).not.toContain("ACCESS/1");

    const own = await raw(CREATE_PLAN, { input: planInput }, { subject: "clerk-62", roles: [Role.DATA_ENTRY], areaCodes: ["62"] });
    expect(own.errors).toBeUndefined();
  });

  it("shows targets to any caller but their actual values and progress only within the caller's areas", async () => {
    const query = `{ area(code: "62") { targets(period: "2023") { indicatorCode actual { total } progress { status } } } }`;
    const outsider = await raw(query, undefined, { subject: "analyst-38", roles: [Role.ANALYST], areaCodes: ["38"] });
    const rows = (outsider.data as { area: { targets: { indicatorCode: string; actual: unknown; progress: unknown }[] } }).area.targets;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatchObject({ actual: null, progress: null });
    expect(outsider.errors?.length).toBeGreaterThan(0);
    for (const error of outsider.errors!) expect(error.extensions?.code).toBe("FORBIDDEN");

    const insider = await raw(query, undefined, { subject: "analyst-62", roles: [Role.ANALYST], areaCodes: ["62"] });
    expect(insider.errors).toBeUndefined();
    const insiderRows = (insider.data as { area: { targets: { actual: { total: number } | null }[] } }).area.targets;
    expect(insiderRows.some((row) => row.actual !== null)).toBe(true);

    const offTrack = await raw(`{ targetsOffTrack(parentCode: "VN", period: "2023") { targets { id } } }`, undefined, {
      subject: "analyst-38",
      roles: [Role.ANALYST],
      areaCodes: ["38"],
    });
    expect(offTrack.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});
