// The approval workflow through the gateway: submission by the communes, approval by the district and
// the province (only once every child has), the lock on approved values and the return that lifts it.
import { Role } from "@vnge/shared";
import { type Caller, type TestSystem, authHeader, postGraphQL, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

const SET = "ANNUAL_GENDER_COMMUNE";
const PERIOD = "2031";
const BIM_SON_CLERK: Caller = { subject: "bim-son-clerk", roles: [Role.DATA_ENTRY], areaCodes: ["381"] };
const BIM_SON_APPROVER: Caller = { subject: "bim-son-approver", roles: [Role.APPROVER], areaCodes: ["381"] };
const THANH_HOA_APPROVER: Caller = { subject: "thanh-hoa-approver", roles: [Role.APPROVER], areaCodes: ["38"] };

const SUBMIT_VALUES = `mutation ($values: [DataValueInput!]!) {
  submitDataValues(input: { values: $values }) { imported updated unchanged rejected conflicts { index field message } }
}`;
const STATUS_FIELDS = "state lockedBy events { action fromState toState actor reason at }";
const SUBMIT_SET = `mutation ($area: ID!) { submitDataSet(dataSetCode: "${SET}", areaCode: $area, period: "${PERIOD}") { ${STATUS_FIELDS} } }`;
const APPROVE_SET = `mutation ($area: ID!) { approveDataSet(dataSetCode: "${SET}", areaCode: $area, period: "${PERIOD}") { ${STATUS_FIELDS} } }`;
const RETURN_SET = `mutation ($area: ID!, $reason: String!) { returnDataSet(dataSetCode: "${SET}", areaCode: $area, period: "${PERIOD}", reason: $reason) { ${STATUS_FIELDS} } }`;
const STATUS = `query ($area: ID!) { dataApproval(dataSetCode: "${SET}", areaCode: $area, period: "${PERIOD}") { ${STATUS_FIELDS} } }`;

const births = (areaCode: string, value: number) => ({ dataElementCode: "LIVE_BIRTHS", areaCode, period: PERIOD, sex: "FEMALE", value });
const storedBirths = async (areaCode: string) =>
  (
    await system.gateway.request<{ dataValueHistory: { newValue: number; changedBy: string }[] }>(
      `{ dataValueHistory(dataElementCode: "LIVE_BIRTHS", areaCode: "${areaCode}", period: "${PERIOD}", sex: FEMALE) { newValue changedBy } }`,
    )
  ).dataValueHistory.map((change) => change.newValue);

async function post(caller: Caller, query: string, variables?: Record<string, unknown>) {
  const { body } = await postGraphQL(system.gatewayUrl!, query, variables, await authHeader(caller));
  // biome-ignore lint/suspicious/noExplicitAny: the test walks an answer of any shape
  return body as { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function areasUnder(level: "DISTRICT" | "COMMUNE", within: string): Promise<string[]> {
  const { areas } = await system.gateway.request<{ areas: { code: string }[] }>(`query ($l: AreaLevel!, $w: ID) { areas(level: $l, within: $w) { code } }`, {
    l: level,
    w: within,
  });
  return areas.map((a) => a.code);
}

describe("approval up the hierarchy and the lock on approved data", () => {
  let bimSonCommunes: string[];
  beforeAll(async () => {
    bimSonCommunes = await areasUnder("COMMUNE", "381");
    expect(bimSonCommunes).toContain("14809");
    const clerk = await system.as(BIM_SON_CLERK);
    expect((await clerk.request<{ submitDataValues: { imported: number } }>(SUBMIT_VALUES, { values: [births("14809", 40)] })).submitDataValues.imported).toBe(
      1,
    );
  });

  it("a district cannot approve before all its communes have submitted; then it can", async () => {
    const clerk = await system.as(BIM_SON_CLERK);
    for (const commune of bimSonCommunes.slice(0, -1)) await clerk.request(SUBMIT_SET, { area: commune });
    const last = bimSonCommunes[bimSonCommunes.length - 1];

    const early = await post(BIM_SON_APPROVER, APPROVE_SET, { area: "381" });
    expect(early.errors?.[0]).toMatchObject({
      message: `cannot approve ${SET} for area 381, period ${PERIOD}: not yet submitted by 1 of ${bimSonCommunes.length} communes (${last})`,
      extensions: { code: "BAD_USER_INPUT" },
    });

    await clerk.request(SUBMIT_SET, { area: last });
    const approved = (await post(BIM_SON_APPROVER, APPROVE_SET, { area: "381" })).data!.approveDataSet;
    expect(approved).toMatchObject({ state: "APPROVED", lockedBy: "381" });
    expect(approved.events).toEqual([
      { action: "APPROVE", fromState: "OPEN", toState: "APPROVED", actor: "bim-son-approver", reason: null, at: expect.any(String) },
    ]);
  });

  it("data entry may not approve, nor an approver of another district", async () => {
    expect((await post(BIM_SON_CLERK, APPROVE_SET, { area: "381" })).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const body = await post(BIM_SON_APPROVER, APPROVE_SET, { area: "384" });
    expect(body.errors?.[0]).toMatchObject({
      message: "You may not approve data sets for area 384: outside your assigned areas",
      extensions: { code: "FORBIDDEN" },
    });
  });

  it("once approved, a data-entry change is refused with a clear error and the stored value is unchanged", async () => {
    const clerk = await system.as(BIM_SON_CLERK);
    const refused = (await clerk.request<{ submitDataValues: Record<string, unknown> }>(SUBMIT_VALUES, { values: [births("14812", 3), births("14809", 41)] }))
      .submitDataValues;
    expect(refused).toEqual({
      imported: 0,
      updated: 0,
      unchanged: 0,
      rejected: 2,
      conflicts: [0, 1].map((index) => ({
        index,
        field: null,
        message: `locked: Annual gender statistics (communes) (${SET}) for area ${index === 0 ? "14812" : "14809"}, period ${PERIOD} is approved at district 381; the stored value cannot change until an approver returns it`,
      })),
    });
    expect(await storedBirths("14809")).toEqual([40]);
    expect(await storedBirths("14812")).toEqual([]);
    // re-sending exactly what is stored is not a change
    expect(
      (await clerk.request<{ submitDataValues: { unchanged: number } }>(SUBMIT_VALUES, { values: [births("14809", 40)] })).submitDataValues.unchanged,
    ).toBe(1);
  });

  it("a province cannot approve while one district has not", async () => {
    const districts = await areasUnder("DISTRICT", "38");
    const others = districts.filter((d) => d !== "381" && d !== "384");
    // Thanh Hóa's other districts have no communes in the demo areas: nothing beneath them to wait for
    for (const district of others) expect((await post(THANH_HOA_APPROVER, APPROVE_SET, { area: district })).data?.approveDataSet.state).toBe("APPROVED");
    const refused = await post(THANH_HOA_APPROVER, APPROVE_SET, { area: "38" });
    expect(refused.errors?.[0]).toMatchObject({
      message: `cannot approve ${SET} for area 38, period ${PERIOD}: not yet approved by 1 of ${districts.length} districts (384)`,
      extensions: { code: "BAD_USER_INPUT", areaCodes: ["384"] },
    });
    expect((await post(ADMIN_CALLER, STATUS, { area: "38" })).data?.dataApproval).toMatchObject({ state: "OPEN", lockedBy: null, events: [] });
  });

  it("returns go top-down: the district's return is refused while the province approves, and accepted after the province returns", async () => {
    const clerk = await system.as(BIM_SON_CLERK);
    for (const commune of await areasUnder("COMMUNE", "384")) await post(ADMIN_CALLER, SUBMIT_SET, { area: commune });
    await post(THANH_HOA_APPROVER, APPROVE_SET, { area: "384" });
    expect((await post(THANH_HOA_APPROVER, APPROVE_SET, { area: "38" })).data?.approveDataSet.state).toBe("APPROVED");

    const blocked = await post(BIM_SON_APPROVER, RETURN_SET, { area: "381", reason: "14809 counted twins once" });
    expect(blocked.errors?.[0].message).toBe(`${SET} for period ${PERIOD} is approved above area 381, at 38: it must be returned there first`);
    expect((await post(THANH_HOA_APPROVER, RETURN_SET, { area: "38", reason: "  " })).errors?.[0].message).toBe("a return needs a reason");

    const provinceReturned = (await post(THANH_HOA_APPROVER, RETURN_SET, { area: "38", reason: "Bỉm Sơn asks to correct 14809" })).data!.returnDataSet;
    expect(provinceReturned).toMatchObject({ state: "OPEN", lockedBy: null });
    // the commune's values stay locked by the district's own approval
    expect((await post(ADMIN_CALLER, STATUS, { area: "14809" })).data?.dataApproval).toMatchObject({ state: "SUBMITTED", lockedBy: "381" });

    const districtReturned = (await post(BIM_SON_APPROVER, RETURN_SET, { area: "381", reason: "14809 counted twins once" })).data!.returnDataSet;
    expect(districtReturned).toMatchObject({ state: "OPEN", lockedBy: null });
    expect(districtReturned.events.map((e: { action: string; reason: string | null; actor: string }) => [e.action, e.actor, e.reason])).toEqual([
      ["APPROVE", "bim-son-approver", null],
      ["RETURN", "bim-son-approver", "14809 counted twins once"],
    ]);

    const corrected = (await clerk.request<{ submitDataValues: { updated: number; rejected: number } }>(SUBMIT_VALUES, { values: [births("14809", 41)] }))
      .submitDataValues;
    expect(corrected).toMatchObject({ updated: 1, rejected: 0 });
    expect(await storedBirths("14809")).toEqual([40, 41]);

    // approved again, and the province's history shows both transitions with who and why
    expect((await post(BIM_SON_APPROVER, APPROVE_SET, { area: "381" })).data?.approveDataSet.state).toBe("APPROVED");
    const province = (await post(THANH_HOA_APPROVER, APPROVE_SET, { area: "38" })).data!.approveDataSet;
    expect(province.events.map((e: { action: string; actor: string; reason: string | null }) => [e.action, e.actor, e.reason])).toEqual([
      ["APPROVE", "thanh-hoa-approver", null],
      ["RETURN", "thanh-hoa-approver", "Bỉm Sơn asks to correct 14809"],
      ["APPROVE", "thanh-hoa-approver", null],
    ]);
  });
});

describe("reportingStatus through the gateway", () => {
  it("lists Mường Lát's communes for 2024: one reported after the 5 December deadline, the rest missing", async () => {
    const communes = await areasUnder("COMMUNE", "384");
    const clerk: Caller = { subject: "muong-lat-clerk", roles: [Role.DATA_ENTRY], areaCodes: ["384"] };
    const submitted = await post(clerk, `mutation { submitDataSet(dataSetCode: "${SET}", areaCode: "${communes[0]}", period: "2024") { state } }`);
    expect(submitted.data?.submitDataSet.state).toBe("SUBMITTED");
    const officer: Caller = { subject: "thanh-hoa-officer", roles: [Role.ANALYST], areaCodes: ["38"] };
    const body = await post(
      officer,
      `{ reportingStatus(dataSetCode: "${SET}", period: "2024", parentCode: "384", level: COMMUNE) {
          deadline expected received onTime late missing areas { areaCode received timeliness } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.reportingStatus).toEqual({
      deadline: "2024-12-05T17:00:00.000Z",
      expected: communes.length,
      received: 1,
      onTime: 0,
      late: 1,
      missing: communes.length - 1,
      areas: communes.map((code, i) => ({ areaCode: code, received: i === 0, timeliness: i === 0 ? "LATE" : "MISSING" })),
    });
    const outside = await post(
      { roles: [Role.ANALYST], areaCodes: ["62"] },
      `{ reportingStatus(dataSetCode: "${SET}", period: "2024", parentCode: "384", level: COMMUNE) { expected } }`,
    );
    expect(outside.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});

const ADMIN_CALLER: Caller = { subject: "test-admin", roles: [Role.ADMIN], areaCodes: ["VN"] };
