// Confidential case records through the gateway and straight at the cases subgraph: the indicator feed,
// who can reach a record (nobody but case workers in scope and administrators, by any path), the access
// log, suppressed statistics, and refused input.
import { Role } from "@vnge/shared";
import { resyncCaseAggregates } from "@vnge/system";
import { COMMUNE_ELEMENTS, PROVINCE_ELEMENTS } from "@vnge/cases";
import { type Caller, type TestSystem, authHeader, postGraphQL, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

const CASE_WORKER_381: Caller = { subject: "case-worker-381", roles: [Role.CASE_WORKER], areaCodes: ["381"] };
const CASE_WORKER_384: Caller = { subject: "case-worker-384", roles: [Role.CASE_WORKER], areaCodes: ["384"] };
const OUTSIDERS: Caller[] = [
  { subject: "data-entry-38", roles: [Role.DATA_ENTRY], areaCodes: ["38"] },
  { subject: "analyst", roles: [Role.ANALYST], areaCodes: ["VN"] },
  { subject: "partner-381", roles: [Role.PARTNER], areaCodes: ["381"] },
  CASE_WORKER_384,
];

const RECORD = `mutation ($input: CaseRecordInput!) {
  recordCase(input: $input) { indicatorFeed caseRecord { id area { code } detectedOn services { service providedOn } note } }
}`;

interface Sided {
  sex: "MALE" | "FEMALE";
  supported: boolean;
}

function caseInput(areaCode: string, { sex, supported }: Sided, extra: Record<string, unknown> = {}) {
  return {
    areaCode,
    detectedOn: "2025-03-10",
    form: "PHYSICAL",
    setting: "FAMILY",
    victimSex: sex,
    victimAgeGroup: "AGE_30_59",
    victimEthnicMinority: false,
    perpetratorSex: sex === "FEMALE" ? "MALE" : "FEMALE",
    services: supported ? [{ service: "HEALTH_CARE", providedOn: "2025-03-11" }] : [],
    ...extra,
  };
}

async function post(caller: Caller, query: string, variables?: Record<string, unknown>, url = system.gatewayUrl!) {
  return postGraphQL(url, query, variables, await authHeader(caller));
}

const F = (supported: boolean): Sided => ({ sex: "FEMALE", supported });
const M = (supported: boolean): Sided => ({ sex: "MALE", supported });
// Three communes of Bỉm Sơn (381): 12 victims, 8 female (6 supported), 4 male (2 supported).
const CASES: [string, Sided[]][] = [
  ["14809", [F(true), F(true), F(true), F(false), M(true)]],
  ["14812", [F(true), F(true), M(false), M(false)]],
  ["14815", [F(true), F(false), M(true)]],
];
const caseIds: string[] = [];

async function share(areaCode: string, period = "2025") {
  const data = await system.gateway.request<{ rollup: { total: number | null; male: number | null; female: number | null }[] }>(
    `query ($area: ID!, $period: String!) { rollup(indicatorCodes: ["GBV_VICTIMS_SUPPORTED_SHARE"], periods: [$period], parentCode: $area) { total male female } }`,
    { area: areaCode, period },
  );
  return data.rollup[0];
}

describe("case records feed the indicators", () => {
  it("finds every fed element in the catalogue at the level it is pushed at, and the Strategy share in percent", async () => {
    const catalogue = await system.gateway.request<{
      dataElements: { code: string; collectionLevel: string; disaggregatedBySex: boolean }[];
      indicator: { unit: string; numerator: { dataElement: { code: string } }; denominator: { dataElement: { code: string } } } | null;
    }>(`{ dataElements { code collectionLevel disaggregatedBySex }
         indicator(code: "GBV_VICTIMS_SUPPORTED_SHARE") { unit numerator { dataElement { code } } denominator { dataElement { code } } } }`);
    const levels = Object.fromEntries(catalogue.dataElements.filter((e) => e.disaggregatedBySex).map((e) => [e.code, e.collectionLevel]));
    for (const code of COMMUNE_ELEMENTS) expect([code, levels[code]]).toEqual([code, "COMMUNE"]);
    for (const code of PROVINCE_ELEMENTS) expect([code, levels[code]]).toEqual([code, "PROVINCE"]);
    expect(catalogue.indicator).toEqual({
      unit: "PERCENT",
      numerator: { dataElement: { code: "GBV_VICTIMS_SUPPORTED" } },
      denominator: { dataElement: { code: "GBV_VICTIMS_DETECTED" } },
    });
  });

  it("gives the district's share of detected victims supported, by sex, from cases in three communes", async () => {
    const worker = await system.as(CASE_WORKER_381);
    for (const [commune, victims] of CASES) {
      for (const victim of victims) {
        const result = await worker.request<{ recordCase: { indicatorFeed: string; caseRecord: { id: string; area: { code: string } } } }>(RECORD, {
          input: caseInput(commune, victim),
        });
        expect(result.recordCase.indicatorFeed).toBe("PUSHED");
        expect(result.recordCase.caseRecord.area.code).toBe(commune);
        caseIds.push(result.recordCase.caseRecord.id);
      }
    }
    // 6 / 8 female, 2 / 4 male, 8 / 12 in all.
    expect(await share("381")).toEqual({ total: 66.7, male: 50, female: 75 });
    expect(await share("14812")).toEqual({ total: 50, male: 0, female: 100 });
  });

  it("counts an update in the next rollup, and the commune a case leaves drops it", async () => {
    // The unsupported male victim of 14812 gets shelter and turns out to have been detected in 14818.
    const id = caseIds[7];
    const worker = await system.as(CASE_WORKER_381);
    const input = caseInput("14818", M(false), { services: [{ service: "SHELTER", providedOn: "2025-04-01" }], status: "CLOSED" });
    const result = await worker.request<{ updateCase: { indicatorFeed: string } }>(
      `mutation ($id: ID!, $input: CaseRecordInput!) { updateCase(id: $id, input: $input) { indicatorFeed } }`,
      { id, input },
    );
    expect(result.updateCase.indicatorFeed).toBe("PUSHED");
    expect(await share("381")).toEqual({ total: 75, male: 75, female: 75 });
    expect(await share("14812")).toEqual({ total: 66.7, male: 0, female: 100 });
    expect(await share("14818")).toEqual({ total: 100, male: 100, female: null });
  });

  it("feeds perpetrators and returned trafficking victims too, and the resync pushes the same figures again", async () => {
    const worker = await system.as(CASE_WORKER_381);
    await worker.request(RECORD, { input: caseInput("14821", F(true), { form: "TRAFFICKING", setting: "OTHER", perpetratorCounselled: true }) });
    const values = await system.gateway.request<{ rollup: { indicator: { code: string }; total: number | null }[] }>(
      `{ rollup(indicatorCodes: ["TRAFFICKING_VICTIMS_SUPPORTED_SHARE", "GBV_PERPETRATORS_COUNSELLED_SHARE"], periods: ["2025"], parentCode: "38") { indicator { code } total } }`,
    );
    const byCode = Object.fromEntries(values.rollup.map((v) => [v.indicator.code, v.total]));
    // One counselled perpetrator out of 13 known and not prosecuted.
    expect(byCode).toEqual({ TRAFFICKING_VICTIMS_SUPPORTED_SHARE: 100, GBV_PERPETRATORS_COUNSELLED_SHARE: 7.7 });

    await system.db.prisma.caseFeedState.updateMany({ data: { pending: true } });
    const summary = await resyncCaseAggregates(system.db, { pendingOnly: true });
    expect(summary.communeYears).toBe(5);
    expect(await system.db.prisma.caseFeedState.count({ where: { pending: true } })).toBe(0);
    expect(await share("381")).toEqual({ total: 76.9, male: 75, female: 77.8 });
    const history = await system.gateway.request<{ dataValueHistory: { changedBy: string }[] }>(
      `{ dataValueHistory(dataElementCode: "GBV_VICTIMS_DETECTED", areaCode: "14809", period: "2025", sex: FEMALE) { changedBy } }`,
    );
    // Written once by the first case; later pushes of the same figure change nothing.
    expect(history.dataValueHistory.length).toBeGreaterThan(0);
    expect(new Set(history.dataValueHistory.map((h) => h.changedBy))).toEqual(new Set(["service:cases"]));
  });
});

describe("who can reach a case record", () => {
  const ROOT = `query ($id: ID!) { caseRecord(id: $id) { id } }`;
  const LIST = `{ caseRecords(areaCode: "381", year: 2025) { id } }`;
  const NESTED = `{ area(code: "14809") { caseRecords(year: 2025) { id } } }`;
  const ENTITY_AREA = `{ _entities(representations: [{ __typename: "Area", code: "14809" }]) { ... on Area { caseRecords(year: 2025) { id } } } }`;

  it("lets a case worker in scope read records, logs every read, and shows the note to case workers only", async () => {
    const worker = await system.as(CASE_WORKER_381);
    const before = await system.db.prisma.caseAccessLog.count({ where: { subject: "case-worker-381", action: "READ" } });
    const listed = await worker.request<{ caseRecords: { id: string }[] }>(LIST);
    expect(listed.caseRecords).toHaveLength(caseIds.length + 1);
    const after = await system.db.prisma.caseAccessLog.count({ where: { subject: "case-worker-381", action: "READ" } });
    expect(after - before).toBe(caseIds.length + 1);
    expect(await system.db.prisma.caseAccessLog.count({ where: { action: "CREATE" } })).toBe(13);
    expect(await system.db.prisma.caseAccessLog.count({ where: { action: "UPDATE", caseId: caseIds[7] } })).toBe(1);

    const noted = await worker.request<{ recordCase: { caseRecord: { id: string; note: string | null } } }>(RECORD, {
      input: caseInput("14809", F(false), { note: "  follow up with the commune women's union  " }),
    });
    expect(noted.recordCase.caseRecord.note).toBe("follow up with the commune women's union");
    const asAdmin = await system.gateway.request<{ caseRecord: { note: string | null } | null }>(`query ($id: ID!) { caseRecord(id: $id) { note } }`, {
      id: noted.recordCase.caseRecord.id,
    });
    expect(asAdmin.caseRecord).toEqual({ note: null });
    expect(await system.db.prisma.caseAccessLog.count({ where: { subject: "test-admin", action: "READ", caseId: noted.recordCase.caseRecord.id } })).toBe(1);
  });

  it("gives data entry, analysts, partners and a case worker of another district no record by any query", async () => {
    const cases = system.subgraphUrls.cases!;
    const logged = await system.db.prisma.caseAccessLog.count();
    for (const caller of OUTSIDERS) {
      const responses = [
        await post(caller, ROOT, { id: caseIds[0] }),
        await post(caller, LIST),
        await post(caller, NESTED),
        await post(caller, ROOT, { id: caseIds[0] }, cases),
        await post(caller, LIST, undefined, cases),
        await post(caller, ENTITY_AREA, undefined, cases),
      ];
      for (const { body } of responses) {
        const text = JSON.stringify(body);
        for (const id of caseIds) expect(text).not.toContain(id);
        // Each is refused outright, or (a case worker asking for an id outside their areas) answered with nothing.
        if (body.errors) expect(body.errors[0].extensions?.code).toBe("FORBIDDEN");
        else expect(body.data).toEqual({ caseRecord: null });
      }
    }
    expect(await system.db.prisma.caseAccessLog.count()).toBe(logged);
  });

  it("is not an entity: _entities cannot reach a case record, not even for an administrator", async () => {
    const admin: Caller = { subject: "test-admin", roles: [Role.ADMIN], areaCodes: ["VN"] };
    const cases = system.subgraphUrls.cases!;
    // Asking for its fields does not validate: CaseRecord is not a member of _Entity.
    const spread = await post(
      admin,
      `query ($id: ID!) { _entities(representations: [{ __typename: "CaseRecord", id: $id }]) { ... on CaseRecord { id note } } }`,
      { id: caseIds[0] },
      cases,
    );
    expect(spread.body.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(spread.body.errors?.[0].message).toMatch(/"_Entity" can never be of type "CaseRecord"/);
    // Without fields the representation cannot resolve to an entity either; nothing is read or logged.
    const logged = await system.db.prisma.caseAccessLog.count();
    const bare = await post(
      admin,
      `query ($id: ID!) { _entities(representations: [{ __typename: "CaseRecord", id: $id }]) { __typename } }`,
      { id: caseIds[0] },
      cases,
    );
    expect(bare.body.errors).toHaveLength(1);
    expect(bare.body.data?._entities ?? null).toEqual([null]);
    expect(await system.db.prisma.caseAccessLog.count()).toBe(logged);
  });
});

describe("case statistics", () => {
  const STATS = `query ($code: ID!) { area(code: $code) {
    caseStatistics(period: "2025") { suppressionThreshold total { count suppressed } bySex { sex count suppressed } }
  } }`;
  type Stats = {
    suppressionThreshold: number | null;
    total: { count: number | null; suppressed: boolean };
    bySex: { sex: string; count: number | null; suppressed: boolean }[];
  };
  const stats = async (caller: Caller, code: string) => {
    const { body } = await post(caller, STATS, { code });
    expect(body.errors).toBeUndefined();
    return (body.data as { area: { caseStatistics: Stats } }).area.caseStatistics;
  };
  const PARTNER: Caller = { subject: "partner-381", roles: [Role.PARTNER], areaCodes: ["381"] };

  it("shows a partner a commune with 3 cases as suppressed, and no subtraction of published totals gives it back", async () => {
    const commune = await stats(PARTNER, "14815");
    expect(commune.suppressionThreshold).toBe(5);
    expect(commune.total).toEqual({ count: null, suppressed: true });

    // So does a national analyst: only case workers in scope and administrators see small counts.
    expect((await stats({ subject: "analyst", roles: [Role.ANALYST], areaCodes: ["VN"] }, "14815")).total).toEqual({ count: null, suppressed: true });
    // The case worker in scope sees it.
    expect((await stats(CASE_WORKER_381, "14815")).total).toEqual({ count: 3, suppressed: false });

    // Published district total minus every published commune total must not isolate 14815.
    const district = await stats(PARTNER, "381");
    const communes = await Promise.all(["14809", "14812", "14815", "14818", "14821", "14823", "14824"].map((code) => stats(PARTNER, code)));
    expect(district.total.suppressed).toBe(false);
    expect(communes.filter((c) => c.total.suppressed).length).not.toBe(1);
    for (const s of [district, ...communes]) {
      const hidden = [s.total, ...s.bySex].filter((cell) => cell.suppressed).length;
      expect(hidden).not.toBe(1);
    }
  });

  it("refuses statistics outside the caller's areas", async () => {
    const { body } = await post(CASE_WORKER_384, STATS, { code: "14815" });
    expect(body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});

describe("bad input", () => {
  const refused = async (input: Record<string, unknown>, message: RegExp) => {
    const cases = await system.db.prisma.caseRecord.count();
    const log = await system.db.prisma.caseAccessLog.count();
    const { body } = await post(CASE_WORKER_381, RECORD, { input });
    expect(body.data?.recordCase ?? null).toBeNull();
    expect(body.errors?.[0].message).toMatch(message);
    expect(body.errors?.[0].extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    expect(await system.db.prisma.caseRecord.count()).toBe(cases);
    expect(await system.db.prisma.caseAccessLog.count()).toBe(log);
  };

  it("refuses a date in the future", async () => {
    await refused(caseInput("14823", F(false), { detectedOn: "2099-01-01" }), /detectedOn: 2099-01-01 is in the future/);
  });

  it("refuses a date that is not a day, and a note too long, before any rule is read", async () => {
    await refused(caseInput("14823", F(false), { detectedOn: "2025-02-30" }), /^detectedOn: "2025-02-30" is not a date: use YYYY-MM-DD$/);
    await refused(caseInput("14823", F(false), { note: "x".repeat(501) }), /^note: the note holds at most 500 characters \(got 501\)$/);
  });

  it("refuses an unknown commune, and a district given as the commune", async () => {
    await refused(caseInput("99999", F(false)), /areaCode: unknown commune "99999"/);
    await refused(caseInput("381", F(false)), /area 381 is a district/);
  });

  it("refuses a service date before detection", async () => {
    await refused(
      caseInput("14823", F(false), { services: [{ service: "LEGAL_AID", providedOn: "2025-03-01" }] }),
      /services\[0\]\.providedOn: service date 2025-03-01 is before the case was detected \(2025-03-10\)/,
    );
  });

  it("refuses an unknown form of violence", async () => {
    await refused(caseInput("14823", F(false), { form: "STALKING" }), /"STALKING".*ViolenceForm/);
  });

  it("refuses a year out of range when listing records", async () => {
    const { body } = await post(CASE_WORKER_381, `{ caseRecords(areaCode: "381", year: 20250) { id } }`);
    expect(body.errors?.[0]).toMatchObject({ message: "year 20250 must be between 1900 and 2100", extensions: { code: "BAD_USER_INPUT" } });
  });

  it("refuses a case in a commune outside the case worker's areas", async () => {
    const { body } = await post(CASE_WORKER_384, RECORD, { input: caseInput("14823", F(false)) });
    expect(body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await system.db.prisma.caseRecord.count({ where: { areaCode: "14823" } })).toBe(0);
  });
});
