// Long lists of areas come in pages: `first` after a cursor (the last code of the previous page); without
// `first` a list answers whole as it did before, and a page size outside 1-1,000 is refused with a code.
import { type TestSystem, authHeader, postGraphQL, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

const AREAS = `query ($first: Int, $after: ID) { areas(level: DISTRICT, first: $first, after: $after) { code } }`;
const CHILDREN = `query ($first: Int, $after: ID) { area(code: "38") { children(first: $first, after: $after) { code } } }`;

async function codes(query: string, variables: Record<string, unknown>, pick: (data: never) => { code: string }[]) {
  const { body } = await postGraphQL(system.gatewayUrl!, query, variables, await authHeader());
  expect(body.errors).toBeUndefined();
  return pick(body.data as never).map((area) => area.code);
}

/** Every page of a list, following the cursor until a short page. */
async function allPages(query: string, size: number, pick: (data: never) => { code: string }[]) {
  const pages: string[][] = [];
  let after: string | undefined;
  for (;;) {
    const page = await codes(query, { first: size, after }, pick);
    pages.push(page);
    if (page.length < size) return pages;
    after = page.at(-1);
  }
}

describe("pages of areas", () => {
  it("gives the whole list in order across pages of areas at a level", async () => {
    const pick = (data: { areas: { code: string }[] }) => data.areas;
    const whole = await codes(AREAS, {}, pick);
    expect(whole.length).toBeGreaterThan(7);
    const pages = await allPages(AREAS, 3, pick);
    expect(pages.slice(0, -1).every((page) => page.length === 3)).toBe(true);
    expect(pages.flat()).toEqual(whole);
  });

  it("gives a province's children in pages", async () => {
    const pick = (data: { area: { children: { code: string }[] } }) => data.area.children;
    const whole = await codes(CHILDREN, {}, pick);
    expect(whole.length).toBeGreaterThan(3);
    expect((await allPages(CHILDREN, 2, pick)).flat()).toEqual(whole);
    expect(await codes(CHILDREN, { first: 2, after: whole[1] }, pick)).toEqual(whole.slice(2, 4));
  });

  it.each([0, 1001])("refuses first: %d with BAD_USER_INPUT", async (first) => {
    const { body } = await postGraphQL(system.gatewayUrl!, AREAS, { first }, await authHeader());
    expect(body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(body.errors?.[0].message).toMatch(/first must be between 1 and 1000/);
  });
});

describe("pages of a commune rollup", () => {
  const ROLLUP = `query ($first: Int, $after: ID) {
    rollup(indicatorCodes: ["SEX_RATIO_AT_BIRTH", "LIVE_BIRTHS"], periods: ["2023"], parentCode: "VN", level: COMMUNE, first: $first, after: $after) {
      area { code } indicator { code } total } }`;
  type Rollup = { rollup: { area: { code: string }; indicator: { code: string }; total: number | null }[] };
  const rollup = async (variables: Record<string, unknown>) => {
    const { body } = await postGraphQL(system.gatewayUrl!, ROLLUP, variables, await authHeader());
    expect(body.errors).toBeUndefined();
    return (body.data as Rollup).rollup;
  };

  it("gives every commune's values once across pages of areas, in the order of the whole list", async () => {
    const whole = await rollup({});
    const communes = [...new Set(whole.map((v) => v.area.code))];
    expect(communes.length).toBeGreaterThan(10);
    const pages: Rollup["rollup"][] = [];
    let after: string | undefined;
    for (;;) {
      const page = await rollup({ first: 4, after });
      pages.push(page);
      const areas = [...new Set(page.map((v) => v.area.code))];
      // Both indicators of each commune of the page.
      expect(page).toHaveLength(areas.length * 2);
      if (areas.length < 4) break;
      after = areas.at(-1);
    }
    const key = (v: Rollup["rollup"][number]) => `${v.area.code}|${v.indicator.code}|${v.total}`;
    expect(pages.flat().map(key).sort()).toEqual(whole.map(key).sort());
    expect(pages.flatMap((page) => [...new Set(page.map((v) => v.area.code))])).toEqual([...communes].sort());
  });

  it("refuses a page too large", async () => {
    const { body } = await postGraphQL(system.gatewayUrl!, ROLLUP, { first: 5000 }, await authHeader());
    expect(body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });
});

describe("pages of a value's history", () => {
  const HISTORY = `query ($first: Int, $after: Int) {
    dataValueHistory(dataElementCode: "MATERNAL_DEATHS", areaCode: "14809", period: "2031", first: $first, after: $after) { sequence newValue } }`;
  it("follows the sequence of changes across pages", async () => {
    for (const value of [1, 2, 3, 4, 5]) {
      const { body } = await postGraphQL(
        system.gatewayUrl!,
        `mutation ($v: Float!) { submitDataValues(input: { values: [{ dataElementCode: "MATERNAL_DEATHS", areaCode: "14809", period: "2031", value: $v }] }) { rejected } }`,
        { v: value },
        await authHeader(),
      );
      expect(body.data).toEqual({ submitDataValues: { rejected: 0 } });
    }
    const page = async (variables: Record<string, unknown>) =>
      (
        (await postGraphQL(system.gatewayUrl!, HISTORY, variables, await authHeader())).body.data as {
          dataValueHistory: { sequence: number; newValue: number }[];
        }
      ).dataValueHistory;
    expect((await page({})).map((c) => [c.sequence, c.newValue])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
      [5, 5],
    ]);
    expect((await page({ first: 2 })).map((c) => c.newValue)).toEqual([1, 2]);
    expect((await page({ first: 2, after: 2 })).map((c) => c.newValue)).toEqual([3, 4]);
    expect((await page({ first: 2, after: 4 })).map((c) => c.newValue)).toEqual([5]);
    const { body } = await postGraphQL(system.gatewayUrl!, HISTORY, { after: -1 }, await authHeader());
    expect(body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });
});

describe("pages of activities", () => {
  const ACTIVITIES = `query ($limit: Int!, $after: ID) { area(code: "02") { activities(period: "2023", limit: $limit, after: $after) { id } } }`;
  const pick = (data: { area: { activities: { id: string }[] } }) => data.area.activities.map((activity) => ({ code: activity.id }));

  it("follows the date order across pages after the last activity's id", async () => {
    const whole = await codes(ACTIVITIES, { limit: 1000 }, pick);
    expect(whole.length).toBeGreaterThan(2);
    const pages: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await codes(ACTIVITIES, { limit: 2, after }, pick);
      pages.push(...page);
      if (page.length < 2) break;
      after = page.at(-1);
    }
    expect(pages).toEqual(whole);
  });

  it("refuses a cursor that is not an activity id", async () => {
    const { body } = await postGraphQL(system.gatewayUrl!, ACTIVITIES, { limit: 2, after: "nope" }, await authHeader());
    expect(body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("pages of case records", () => {
  const RECORDS = `query ($first: Int, $after: ID) { caseRecords(areaCode: "02", year: 2024, first: $first, after: $after) { id detectedOn } }`;
  const pick = (data: { caseRecords: { id: string }[] }) => data.caseRecords.map((record) => ({ code: record.id }));

  beforeAll(async () => {
    for (const day of ["05", "03", "09", "01", "07"]) {
      const input = {
        areaCode: "00703",
        detectedOn: `2024-03-${day}`,
        form: "PHYSICAL",
        setting: "FAMILY",
        victimSex: "FEMALE",
        victimAgeGroup: "AGE_30_59",
        victimEthnicMinority: false,
        perpetratorSex: "MALE",
        services: [],
      };
      const { body } = await postGraphQL(
        system.gatewayUrl!,
        `mutation ($input: CaseRecordInput!) { recordCase(input: $input) { caseRecord { id } } }`,
        { input },
        await authHeader(),
      );
      expect(body.errors).toBeUndefined();
    }
  });

  it("pages a year's records by date after the last record's id", async () => {
    const whole = await codes(RECORDS, {}, pick);
    expect(whole).toHaveLength(5);
    const first = await codes(RECORDS, { first: 2 }, pick);
    const second = await codes(RECORDS, { first: 2, after: first[1] }, pick);
    const third = await codes(RECORDS, { first: 2, after: second[1] }, pick);
    expect([...first, ...second, ...third]).toEqual(whole);
    expect(third).toHaveLength(1);
  });

  it("refuses a cursor that is not in the list", async () => {
    const { body } = await postGraphQL(system.gatewayUrl!, RECORDS, { first: 2, after: "00000000-0000-4000-8000-000000000000" }, await authHeader());
    expect(body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });
});
