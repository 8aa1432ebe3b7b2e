// A user of an agency enters only what the agency reports, within its area: the Department of Planning and
// Investment of Kon Tum reports the enterprise figures of Kon Tum, and nothing else (decision 0106).
import { Role } from "@vnge/shared";
import { type Caller, type TestSystem, authHeader, postGraphQL, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
  const { body } = await postGraphQL(
    system.gatewayUrl!,
    `mutation { assignReportingAgency(agencyCode: "62-SKHDT", dataElementCodes: ["ENTERPRISES", "ENTERPRISES_WOMAN_LED"]) { dataElementCode areaCode hierarchy } }`,
    undefined,
    await authHeader(KON_TUM_ADMIN),
  );
  expect(body.errors).toBeUndefined();
  expect(body.data).toEqual({
    assignReportingAgency: [
      { dataElementCode: "ENTERPRISES", areaCode: "62", hierarchy: "2025-03" },
      { dataElementCode: "ENTERPRISES_WOMAN_LED", areaCode: "62", hierarchy: "2025-03" },
    ],
  });
}, 120_000);
afterAll(() => system?.close());

const KON_TUM_ADMIN: Caller = { subject: "admin-62", roles: [Role.ADMIN], areaCodes: ["62"] };
const PLANNING_OFFICER: Caller = { subject: "dpi-62", roles: [Role.DATA_ENTRY], areaCodes: ["62"], agencyCode: "62-SKHDT" };
const HEALTH_OFFICER: Caller = { subject: "doh-62", roles: [Role.DATA_ENTRY], areaCodes: ["62"], agencyCode: "62-SYT" };

const SUBMIT = `mutation ($values: [DataValueInput!]!) { submitDataValues(input: { values: $values }) { imported updated rejected } }`;
const value = (dataElementCode: string, areaCode: string, v: number, sex: "FEMALE" | null = null) => ({
  dataElementCode,
  areaCode,
  period: "2023",
  sex,
  value: v,
});
const submit = async (caller: Caller, values: unknown[]) => (await postGraphQL(system.gatewayUrl!, SUBMIT, { values }, await authHeader(caller))).body;
const stored = async (dataElementCode: string, areaCode: string, sex: "FEMALE" | null = null) => {
  const { body } = await postGraphQL(
    system.gatewayUrl!,
    `query ($e: ID!, $a: ID!, $s: Sex) { dataValueHistory(dataElementCode: $e, areaCode: $a, period: "2023", sex: $s) { newValue } }`,
    { e: dataElementCode, a: areaCode, s: sex },
    await authHeader(),
  );
  expect(body.errors).toBeUndefined();
  return (body.data as { dataValueHistory: { newValue: number }[] }).dataValueHistory.map((change) => change.newValue);
};

describe("a data-entry user of Kon Tum's Department of Planning and Investment", () => {
  it("submits the enterprise figures of Kon Tum", async () => {
    const body = await submit(PLANNING_OFFICER, [value("ENTERPRISES", "62", 1200), value("ENTERPRISES_WOMAN_LED", "62", 310)]);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ submitDataValues: { imported: 2, updated: 0, rejected: 0 } });
    expect(await stored("ENTERPRISES", "62")).toEqual([1200]);
  });

  it("cannot submit another agency's figure with them: the whole batch is refused", async () => {
    const body = await submit(PLANNING_OFFICER, [value("ENTERPRISES", "62", 1300), value("EMPLOYED_PERSONS", "62", 250_000, "FEMALE")]);
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN" }, message: expect.stringContaining("EMPLOYED_PERSONS at 62") });
    expect(await stored("ENTERPRISES", "62")).toEqual([1200]);
    expect(await stored("EMPLOYED_PERSONS", "62", "FEMALE")).toEqual([]);
  });

  it("cannot submit for another province", async () => {
    const body = await submit(PLANNING_OFFICER, [value("ENTERPRISES", "38", 900)]);
    expect(body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await stored("ENTERPRISES", "38")).toEqual([]);
  });
});

describe("a data-entry user of another agency", () => {
  it("cannot submit what the Department of Planning and Investment reports", async () => {
    const body = await submit(HEALTH_OFFICER, [value("ENTERPRISES", "62", 1)]);
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN" }, message: expect.stringContaining("agency 62-SYT") });
    expect(await stored("ENTERPRISES", "62")).toEqual([1200]);
  });
});

describe("a data-entry user of no agency", () => {
  it("keeps entering any figure of its areas, as before", async () => {
    const body = await submit({ subject: "de-62", roles: [Role.DATA_ENTRY], areaCodes: ["62"] }, [value("EMPLOYED_PERSONS", "62", 250_000, "FEMALE")]);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ submitDataValues: { imported: 1, updated: 0, rejected: 0 } });
  });
});

describe("assigning reporters", () => {
  it("names the agency on the data element, through the gateway", async () => {
    const { body } = await postGraphQL(
      system.gatewayUrl!,
      `{ dataElements { code reporters { areaCode agency { code nameVi kind } } } }`,
      undefined,
      await authHeader(),
    );
    expect(body.errors).toBeUndefined();
    const enterprises = (body.data as { dataElements: { code: string; reporters: unknown[] }[] }).dataElements.find((e) => e.code === "ENTERPRISES");
    expect(enterprises?.reporters).toEqual([{ areaCode: "62", agency: { code: "62-SKHDT", nameVi: "Sở Kế hoạch và Đầu tư", kind: "DEPARTMENT" } }]);
  });

  it("refuses an unknown agency, a confidential element and another province's agency", async () => {
    const assign = async (caller: Caller, agencyCode: string, codes: string[]) =>
      (
        await postGraphQL(
          system.gatewayUrl!,
          `mutation ($a: ID!, $c: [ID!]!) { assignReportingAgency(agencyCode: $a, dataElementCodes: $c) { dataElementCode } }`,
          { a: agencyCode, c: codes },
          await authHeader(caller),
        )
      ).body;
    expect((await assign(KON_TUM_ADMIN, "62-NONE", ["ENTERPRISES"])).errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "agencyCode" });
    expect((await assign(KON_TUM_ADMIN, "62-SYT", ["GBV_VICTIMS_DETECTED"])).errors?.[0]).toMatchObject({
      extensions: { code: "BAD_USER_INPUT" },
      message: expect.stringContaining("counted from case records"),
    });
    expect((await assign(KON_TUM_ADMIN, "38-SKHDT", ["ENTERPRISES"])).errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});

describe("an agency claim widens nothing", () => {
  it("leaves the areas and roles of the token as they were, through _entities sent straight to the subgraphs", async () => {
    const headers = await authHeader(PLANNING_OFFICER);
    const values = await postGraphQL(
      system.subgraphUrls.indicators!,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Area { code indicatorValues(indicatorCodes: ["SEX_RATIO_AT_BIRTH"], periods: ["2023"]) { total } } } }`,
      { r: [{ __typename: "Area", code: "38" }] },
      headers,
    );
    expect(values.body.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
    expect(JSON.stringify(values.body.data)).not.toMatch(/"total":\d/);
    // Its own province it reads as any user of Kon Tum does.
    const own = await postGraphQL(
      system.subgraphUrls.indicators!,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Area { code indicatorValues(indicatorCodes: ["SEX_RATIO_AT_BIRTH"], periods: ["2023"]) { total } } } }`,
      { r: [{ __typename: "Area", code: "62" }] },
      headers,
    );
    expect(own.body.errors).toBeUndefined();
    // Case records stay for case workers: an agency's data-entry user gets none, whichever way it asks.
    const cases = await postGraphQL(
      system.subgraphUrls.cases!,
      `{ _entities(representations: [{ __typename: "Area", code: "62" }]) { ... on Area { caseRecords(year: 2023) { id } } } }`,
      undefined,
      headers,
    );
    expect(cases.body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(JSON.stringify(cases.body.data)).not.toMatch(/"id"/);
  });
});
