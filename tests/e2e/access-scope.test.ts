// Area scopes and roles on the statistics, through the gateway and straight at the indicators subgraph.
import { Role } from "@vnge/shared";
import { type Caller, type TestSystem, authHeader, postGraphQL, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

const BIM_SON_CLERK: Caller = { subject: "bim-son-clerk", roles: [Role.DATA_ENTRY], areaCodes: ["381"] }; // district 381
const KON_TUM_ANALYST: Caller = { subject: "kon-tum-analyst", roles: [Role.ANALYST], areaCodes: ["62"] }; // province 62

const SUBMIT = `mutation ($values: [DataValueInput!]!) {
  submitDataValues(input: { values: $values }) { imported updated unchanged rejected conflicts { index message } }
}`;
const births = (areaCode: string, value: number) => ({ dataElementCode: "LIVE_BIRTHS", areaCode, period: "2024", sex: "FEMALE", value });
const storedBirths = async (areaCode: string) =>
  system.gateway.request<{ dataValueHistory: { newValue: number; changedBy: string }[] }>(
    `{ dataValueHistory(dataElementCode: "LIVE_BIRTHS", areaCode: "${areaCode}", period: "2024", sex: FEMALE) { newValue changedBy } }`,
  );

async function errorsOf(url: string, caller: Caller, query: string, variables?: Record<string, unknown>) {
  const { body } = await postGraphQL(url, query, variables, await authHeader(caller));
  return body;
}

describe("data entry is limited to the areas assigned", () => {
  it("refuses a batch touching another district's commune, writing nothing of it", async () => {
    // 14809 is a commune of Bỉm Sơn (381); 14845 one of Mường Lát (384).
    const body = await errorsOf(system.gatewayUrl!, BIM_SON_CLERK, SUBMIT, { values: [births("14809", 30), births("14845", 25)] });
    expect(body.errors?.[0]).toMatchObject({
      message: "You may not submit values for area 14845: outside your assigned areas",
      extensions: { code: "FORBIDDEN" },
    });
    expect(body.data ?? null).toBeNull();
    expect((await storedBirths("14809")).dataValueHistory).toEqual([]);
    expect((await storedBirths("14845")).dataValueHistory).toEqual([]);
  });

  it("accepts the same clerk's values for its own communes and records who sent them", async () => {
    const clerk = await system.as(BIM_SON_CLERK);
    const result = await clerk.request<{ submitDataValues: { imported: number } }>(SUBMIT, { values: [births("14809", 30), births("14812", 21)] });
    expect(result.submitDataValues.imported).toBe(2);
    expect((await storedBirths("14809")).dataValueHistory).toEqual([{ newValue: 30, changedBy: "bim-son-clerk" }]);
  });

  it("refuses submissions from roles that do not enter data, straight at the subgraph too", async () => {
    for (const url of [system.gatewayUrl!, system.subgraphUrls.indicators!]) {
      for (const caller of [KON_TUM_ANALYST, { roles: [Role.PARTNER], areaCodes: ["VN"] }, { roles: [Role.CASE_WORKER], areaCodes: ["62"] }]) {
        const body = await errorsOf(url, caller, SUBMIT, { values: [births("61001", 1)] });
        expect(body.errors?.[0]).toMatchObject({
          message: "Mutation.submitDataValues needs one of the roles ADMIN, DATA_ENTRY",
          extensions: { code: "FORBIDDEN" },
        });
      }
    }
  });
});

describe("statistics are read only within the areas assigned", () => {
  const refusals: [string, string][] = [
    ["rollup of the other province", `{ rollup(indicatorCodes: ["SEX_RATIO_AT_BIRTH"], periods: ["2023"], parentCode: "38") { total } }`],
    ["national rollup by province", `{ rollup(indicatorCodes: ["SEX_RATIO_AT_BIRTH"], periods: ["2023"], parentCode: "VN", level: PROVINCE) { total } }`],
    ["the nation above the scope", `{ rollup(indicatorCodes: ["SEX_RATIO_AT_BIRTH"], periods: ["2023"], parentCode: "VN") { total } }`],
    ["Indicator.value", `{ indicator(code: "SEX_RATIO_AT_BIRTH") { value(areaCode: "38", period: "2023") { total } } }`],
    ["Area.indicatorValues", `{ area(code: "38") { indicatorValues(indicatorCodes: ["SEX_RATIO_AT_BIRTH"], periods: ["2023"]) { total } } }`],
    [
      "nested under an allowed area",
      `{ area(code: "VN") { children { code indicatorValues(indicatorCodes: ["SEX_RATIO_AT_BIRTH"], periods: ["2023"]) { total } } } }`,
    ],
    ["a value's history", `{ dataValueHistory(dataElementCode: "LIVE_BIRTHS", areaCode: "14809", period: "2023", sex: MALE) { newValue } }`],
  ];

  it.each(refusals)("refuses %s to an analyst of another province, at the gateway and the subgraph", async (_, query) => {
    for (const url of [system.gatewayUrl!, system.subgraphUrls.indicators!]) {
      const body = await errorsOf(url, KON_TUM_ANALYST, query);
      expect(body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(JSON.stringify(body.data ?? null)).not.toMatch(/"total":\d/);
    }
  });

  it("refuses the values of another province through _entities sent straight to the subgraph", async () => {
    const body = await errorsOf(
      system.subgraphUrls.indicators!,
      KON_TUM_ANALYST,
      `query ($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on Area { code indicatorValues(indicatorCodes: ["SEX_RATIO_AT_BIRTH"], periods: ["2023"]) { total } }
        ... on Indicator { code value(areaCode: "38", period: "2023") { total } } } }`,
      {
        representations: [
          { __typename: "Area", code: "38" },
          { __typename: "Indicator", code: "SEX_RATIO_AT_BIRTH" },
        ],
      },
    );
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN", "FORBIDDEN"]);
    expect(JSON.stringify(body.data)).not.toMatch(/"total":\d/);
  });

  it("answers the same analyst for its own province and what lies beneath", async () => {
    const analyst = await system.as(KON_TUM_ANALYST);
    const data = await analyst.request<{ rollup: { area: { code: string } }[] }>(
      `{ rollup(indicatorCodes: ["SEX_RATIO_AT_BIRTH"], periods: ["2023"], parentCode: "62", level: DISTRICT) { area { code } total } }`,
    );
    expect(data.rollup.map((value) => value.area.code)).toEqual(["608", "610", "611", "612", "613", "614", "615", "616", "617", "618"]);
  });
});
