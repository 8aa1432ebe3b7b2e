// Agencies as entities: the demo's Kon Tum appendix lands on them, a target names its lead and supporting agencies,
// an agency lists its targets with their progress, and a province's administrator defines its own agencies.
import { Role } from "@vnge/shared";
import { type Caller, type TestSystem, authHeader, postGraphQL, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
}, 120_000);
afterAll(() => system?.close());

const KON_TUM_ADMIN: Caller = { subject: "admin-62", roles: [Role.ADMIN], areaCodes: ["62"] };
const post = async (query: string, variables?: Record<string, unknown>, caller?: Caller) =>
  (await postGraphQL(system.gatewayUrl!, query, variables, await authHeader(caller))).body;
async function ok<T>(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<T> {
  const body = await post(query, variables, caller);
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

interface AgencyRef {
  code: string;
}
interface TargetRow {
  indicatorCode: string;
  period: string;
  responsibleAgency: string | null;
  leadAgency: AgencyRef | null;
  supportingAgencies: AgencyRef[];
}

describe("the Kon Tum 2017 appendix", () => {
  it("lands every name of its agency column on an agency of Kon Tum", async () => {
    const data = await ok<{ plans: { documentNumber: string; targets: TargetRow[] }[] }>(
      `{ plans(areaCode: "62") { documentNumber targets { indicatorCode period responsibleAgency leadAgency { code } supportingAgencies { code } } } }`,
    );
    const targets = data.plans.find((plan) => plan.documentNumber === "16/KH-BVSTBCPN")!.targets;
    const named = targets.filter((target) => target.responsibleAgency);
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((target) => target.leadAgency === null)).toEqual([]);
    // "Hội LHPN tỉnh" is the Women's Union's short name; the appendix writes the culture department with "–" and with "-".
    expect(new Set(named.filter((t) => t.responsibleAgency === "Hội LHPN tỉnh").map((t) => t.leadAgency!.code))).toEqual(new Set(["62-HLHPN"]));
    const culture = named.filter((t) => /^Sở Văn hóa/.test(t.responsibleAgency!));
    expect(new Set(culture.map((t) => t.leadAgency!.code))).toEqual(new Set(["62-SVHTTDL"]));
    // "A; B": A leads, B supports.
    const shared = named.filter((t) => t.responsibleAgency!.includes(";"));
    expect(shared.length).toBeGreaterThan(0);
    for (const target of shared) expect(target.supportingAgencies).toEqual([{ code: "62-STTTT" }]);
  });

  it("answers a target's lead agency and the agency's targets with their progress in one query", async () => {
    const data = await ok<{
      agency: {
        nameVi: string;
        kind: string;
        area: { code: string; hierarchy: string };
        targets: { indicatorCode: string; period: string; leadAgency: AgencyRef; actual: { total: number | null }; progress: { status: string } | null }[];
      };
    }>(
      `{ agency(code: "62-SYT") { nameVi kind area { code hierarchy name }
          targets { indicatorCode period leadAgency { code } actual { total } progress { status } } } }`,
    );
    expect(data.agency).toMatchObject({ nameVi: "Sở Y tế", kind: "DEPARTMENT", area: { code: "62", hierarchy: "2025-03" } });
    expect(data.agency.targets.length).toBeGreaterThan(0);
    for (const target of data.agency.targets) {
      expect(target.leadAgency).toEqual({ code: "62-SYT" });
      expect(target.progress?.status).toEqual(expect.any(String));
    }
    expect(new Set(data.agency.targets.map((t) => t.indicatorCode))).toContain("SEX_RATIO_AT_BIRTH");
  });
});

describe("a plan's agency column with a name no agency has", () => {
  const CSV = [
    "indicator,indicator_code,unit,target:2018,comparison,responsible_agency,note",
    "Tỷ số giới tính khi sinh,SEX_RATIO_AT_BIRTH,,110,AT_MOST,Sở Công Thương; Sở Y tế,",
    "Tỷ lệ nữ làm chủ doanh nghiệp,ENTERPRISES_WOMAN_LED_SHARE,%,30,AT_LEAST,Sở Kế hoạch và Đầu tư,",
  ].join("\n");
  const IMPORT = `mutation ($id: ID!, $csv: String!, $define: Boolean!) { importPlanTargets(planId: $id, csv: $csv, defineAgencies: $define) {
    definedAgencies warnings { line column message } targets { indicatorCode leadAgency { code kind nameVi } supportingAgencies { code } } } }`;
  const newPlan = async (documentNumber: string) =>
    (
      await ok<{ createPlan: { id: string } }>(`mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id } }`, {
        input: { areaCode: "62", title: "Kế hoạch năm 2018", type: "YEARLY", startYear: 2018, endYear: 2018, documentNumber },
      })
    ).createPlan.id;

  it("is reported line by line, and the target keeps the matched agencies", async () => {
    const data = await ok<{
      importPlanTargets: {
        definedAgencies: string[];
        warnings: { line: number; column: string; message: string }[];
        targets: { indicatorCode: string; leadAgency: AgencyRef | null; supportingAgencies: AgencyRef[] }[];
      };
    }>(IMPORT, { id: await newPlan("1/KH-TEST"), csv: CSV, define: false });
    const report = data.importPlanTargets;
    expect(report.definedAgencies).toEqual([]);
    expect(report.warnings).toEqual([{ line: 2, column: "responsible_agency", message: expect.stringContaining('"Sở Công Thương" is no agency of area 62') }]);
    // The lead named no agency, so there is no lead; the supporting one matched.
    expect(report.targets.find((t) => t.indicatorCode === "SEX_RATIO_AT_BIRTH")).toMatchObject({ leadAgency: null, supportingAgencies: [{ code: "62-SYT" }] });
    expect(report.targets.find((t) => t.indicatorCode === "ENTERPRISES_WOMAN_LED_SHARE")!.leadAgency).toMatchObject({ code: "62-SKHDT" });
  });

  it("defines the agency with defineAgencies, once", async () => {
    const data = await ok<{
      importPlanTargets: { definedAgencies: string[]; warnings: unknown[]; targets: { leadAgency: { code: string; kind: string; nameVi: string } | null }[] };
    }>(IMPORT, { id: await newPlan("2/KH-TEST"), csv: CSV, define: true });
    expect(data.importPlanTargets.definedAgencies).toEqual(["62-SCT"]);
    expect(data.importPlanTargets.warnings).toEqual([]);
    expect(data.importPlanTargets.targets[0].leadAgency).toEqual({ code: "62-SCT", kind: "DEPARTMENT", nameVi: "Sở Công Thương" });
    const again = await ok<{ importPlanTargets: { definedAgencies: string[] } }>(IMPORT, { id: await newPlan("3/KH-TEST"), csv: CSV, define: true });
    expect(again.importPlanTargets.definedAgencies).toEqual([]);
  });
});

describe("defining agencies", () => {
  const DEFINE = `mutation ($agencies: [AgencyInput!]!) { defineAgencies(agencies: $agencies) { code name nameVi kind level area { code hierarchy } } }`;
  const agency = (extra: Record<string, unknown> = {}) => ({
    code: "62-BCHQS",
    areaCode: "62",
    hierarchy: "2025-03",
    kind: "OTHER",
    nameVi: "Bộ Chỉ huy Quân sự tỉnh",
    name: "Provincial Military Command",
    ...extra,
  });

  it("lets a province's administrator define its agencies, at its level", async () => {
    const data = await ok<{ defineAgencies: unknown[] }>(DEFINE, { agencies: [agency()] }, KON_TUM_ADMIN);
    expect(data.defineAgencies).toEqual([
      {
        code: "62-BCHQS",
        name: "Provincial Military Command",
        nameVi: "Bộ Chỉ huy Quân sự tỉnh",
        kind: "OTHER",
        level: "PROVINCE",
        area: { code: "62", hierarchy: "2025-03" },
      },
    ]);
  });

  it("refuses another province's agency, and writes none of the batch", async () => {
    const body = await post(
      DEFINE,
      { agencies: [agency({ code: "62-X1", nameVi: "Cơ quan X" }), agency({ code: "38-X", areaCode: "38", nameVi: "Cơ quan Y" })] },
      KON_TUM_ADMIN,
    );
    expect(body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await ok<{ agency: unknown }>(`{ agency(code: "62-X1") { code } }`)).agency).toBeNull();
  });

  it("refuses a name another agency of the area has, an unknown area and a malformed code, with the field", async () => {
    const clash = await post(DEFINE, { agencies: [agency({ code: "62-SYT2", nameVi: "sở  y tế" })] });
    expect(clash.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "nameVi" }, message: expect.stringContaining("62-SYT") });
    const unknown = await post(DEFINE, { agencies: [agency({ code: "99-X", areaCode: "99" })] });
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "agencies[0].areaCode" } });
    const malformed = await post(DEFINE, { agencies: [agency({ code: "62 SYT" })] });
    expect(malformed.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const { agencies } = await ok<{ agencies: { code: string }[] }>(`{ agencies(areaCode: "62") { code } }`);
    expect(agencies.map((a) => a.code)).not.toContain("62-SYT2");
  });
});

describe("the demo", () => {
  it("defines the agencies the seed documents name for Thanh Hóa, Kon Tum, Thái Bình and Vị Xuyên", async () => {
    for (const [areaCode, expected] of [
      ["38", "38-SLDTBXH"],
      ["62", "62-HLHPN"],
      ["34", "34-CTK"],
      ["030", "030-PLDTBXH"],
    ]) {
      const { agencies } = await ok<{ agencies: { code: string }[] }>(`query ($a: ID!) { agencies(areaCode: $a) { code } }`, { a: areaCode });
      expect(agencies.map((a) => a.code)).toContain(expected);
    }
  });
});
