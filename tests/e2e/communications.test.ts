// Communications through the gateway: an Action Month's activities in communes of two districts,
// statistics rolled up for the province and each district, the broadcast shortfall list, the
// aggregates reaching the indicator engine, and every validation rule (nothing written on refusal).
import { Role } from "@vnge/shared";
import { type Caller, type TestSystem, authHeader, postGraphQL, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

const CAMPAIGN = "ACTION-MONTH-2023-38";
const PROVINCE_CLERK: Caller = { subject: "th-clerk", roles: [Role.DATA_ENTRY], areaCodes: ["38"] };
const analyst = (area: string): Caller => ({ subject: `analyst-${area}`, roles: [Role.ANALYST], areaCodes: [area] });

interface Row {
  areaCode: string;
  district: string;
  kind: string;
  title: string;
  startDate: string;
  endDate?: string;
  reachedMale: number;
  reachedFemale: number;
  participantsMale?: number;
  participantsFemale?: number;
  officialsMale?: number;
  officialsFemale?: number;
  materials?: { type: string; count: number }[];
  cost?: number;
}

// Bỉm Sơn (381): communes 14809 (two broadcasts in November), 14812 (one); Mường Lát (384): 14845, 14848; and one district event.
const ACTION_MONTH: Row[] = [
  {
    areaCode: "14809",
    district: "381",
    kind: "BROADCAST",
    title: "Bản tin bình đẳng giới số 1",
    startDate: "2023-11-16",
    reachedMale: 100,
    reachedFemale: 120,
  },
  { areaCode: "14809", district: "381", kind: "BROADCAST", title: "Bản tin bình đẳng giới số 2", startDate: "2023-11-28", reachedMale: 80, reachedFemale: 90 },
  {
    areaCode: "14812",
    district: "381",
    kind: "BROADCAST",
    title: "Bản tin phòng chống bạo lực giới",
    startDate: "2023-11-18",
    reachedMale: 50,
    reachedFemale: 60,
  },
  {
    areaCode: "381",
    district: "381",
    kind: "EVENT",
    title: "Lễ phát động Tháng hành động",
    startDate: "2023-11-15",
    reachedMale: 200,
    reachedFemale: 300,
    materials: [
      { type: "BANNER", count: 5 },
      { type: "LEAFLET", count: 1000 },
    ],
    cost: 5_000_000,
  },
  { areaCode: "14845", district: "384", kind: "TALK", title: "Nói chuyện chuyên đề cho nam giới", startDate: "2023-11-25", reachedMale: 30, reachedFemale: 70 },
  {
    areaCode: "14848",
    district: "384",
    kind: "TRAINING_COURSE",
    title: "Tập huấn cán bộ làm công tác bình đẳng giới",
    startDate: "2023-12-01",
    endDate: "2023-12-02",
    reachedMale: 10,
    reachedFemale: 15,
    participantsMale: 10,
    participantsFemale: 15,
    officialsMale: 6,
    officialsFemale: 9,
  },
  { areaCode: "14848", district: "384", kind: "BROADCAST", title: "Bản tin tháng 12", startDate: "2023-12-05", reachedMale: 40, reachedFemale: 45 },
];

const input = ({ district: _district, ...row }: Row) => ({ ...row, campaignCode: CAMPAIGN, channel: row.kind === "BROADCAST" ? "LOUDSPEAKER" : "IN_PERSON" });

const RECORD = `mutation ($input: RecordActivitiesInput!) {
  recordActivities(input: $input) { imported rejected conflicts { index field message } indicatorsUpdated activities { id area { code } kind month } }
}`;

const STATISTICS = `query ($code: ID!, $period: String!) {
  area(code: $code) {
    name
    communicationStatistics(period: $period) {
      activities reached { male female total } officialsTrained { male female total } cost
      byKind { kind activities reached { male female total } }
    }
  }
}`;

/** What the statistics must say for the rows counted at an area, computed from the rows themselves. */
function expected(rows: Row[]) {
  const sum = (pick: (row: Row) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const kinds = ["BROADCAST", "EVENT", "TRAINING_COURSE", "TALK"].filter((kind) => rows.some((row) => row.kind === kind));
  const reached = (of: Row[]) => {
    const male = of.reduce((t, r) => t + r.reachedMale, 0);
    const female = of.reduce((t, r) => t + r.reachedFemale, 0);
    return { male, female, total: male + female };
  };
  const officialsMale = sum((r) => r.officialsMale ?? 0);
  const officialsFemale = sum((r) => r.officialsFemale ?? 0);
  const costs = rows.filter((row) => row.cost !== undefined);
  return {
    activities: rows.length,
    reached: reached(rows),
    officialsTrained: { male: officialsMale, female: officialsFemale, total: officialsMale + officialsFemale },
    cost: costs.length ? sum((r) => r.cost ?? 0) : null,
    byKind: kinds.map((kind) => {
      const of = rows.filter((row) => row.kind === kind);
      return { kind, activities: of.length, reached: reached(of) };
    }),
  };
}

async function errorsOf(query: string, variables: Record<string, unknown>, caller: Caller) {
  const { body } = await postGraphQL(system.gatewayUrl!, query, variables, await authHeader(caller));
  return body;
}

async function campaignActivityCount(): Promise<number> {
  const data = await system.gateway.request<{ campaign: { activities: unknown[] } }>(`{ campaign(code: "${CAMPAIGN}") { activities { id } } }`);
  return data.campaign.activities.length;
}

describe("an Action Month in communes of two districts", () => {
  beforeAll(async () => {
    const client = await system.as(PROVINCE_CLERK);
    const result = await client.request<{
      recordActivities: { imported: number; rejected: number; indicatorsUpdated: boolean; activities: { kind: string; month: string }[] };
    }>(RECORD, { input: { activities: ACTION_MONTH.map(input) } });
    expect(result.recordActivities).toMatchObject({ imported: ACTION_MONTH.length, rejected: 0, indicatorsUpdated: true });
    expect(result.recordActivities.activities.map((a) => a.month)).toEqual(ACTION_MONTH.map((row) => row.startDate.slice(0, 7).replace("-", "")));
  });

  it("shows the province its totals by sex and by kind in one gateway query", async () => {
    const client = await system.as(analyst("38"));
    const data = await client.request<{ area: { name: string; communicationStatistics: unknown } }>(STATISTICS, { code: "38", period: "2023" });
    expect(data.area.name).toBe("Thanh Hóa");
    expect(data.area.communicationStatistics).toEqual(expected(ACTION_MONTH));
  });

  it("shows each district its own totals, and a month only its own activities", async () => {
    for (const district of ["381", "384"]) {
      const client = await system.as(analyst(district));
      const data = await client.request<{ area: { communicationStatistics: unknown } }>(STATISTICS, { code: district, period: "2023Q4" });
      expect(data.area.communicationStatistics).toEqual(expected(ACTION_MONTH.filter((row) => row.district === district)));
    }
    const december = await system.gateway.request<{ area: { communicationStatistics: unknown } }>(STATISTICS, { code: "384", period: "202312" });
    expect(december.area.communicationStatistics).toEqual(expected(ACTION_MONTH.filter((row) => row.district === "384" && row.startDate >= "2023-12-01")));
  });

  it("rolls up the children of the province in one query, each district with its own figures", async () => {
    const data = await system.gateway.request<{
      area: { children: { code: string; communicationStatistics: { activities: number; reached: { total: number } } }[] };
    }>(`{ area(code: "38") { children { code communicationStatistics(period: "2023") { activities reached { total } } } } }`);
    const byCode = new Map(data.area.children.map((child) => [child.code, child.communicationStatistics]));
    for (const district of ["381", "384"]) {
      expect(byCode.get(district)).toEqual({
        activities: expected(ACTION_MONTH.filter((r) => r.district === district)).activities,
        reached: { total: expected(ACTION_MONTH.filter((r) => r.district === district)).reached.total },
      });
    }
    expect(byCode.get("385")).toEqual({ activities: 0, reached: { total: 0 } });
  });

  it("refuses a district's statistics to another district's analyst", async () => {
    const body = await errorsOf(STATISTICS, { code: "381", period: "2023" }, analyst("384"));
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN" } });
    expect(body.errors?.[0].message).toMatch(/381/);
  });

  it("lists a commune with one broadcast in the month among those with fewer than 2, communes with none too", async () => {
    const client = await system.as(analyst("38"));
    const data = await client.request<{ area: { communesWithFewBroadcasts: { area: { code: string; name: string }; broadcasts: number }[] } }>(
      `{ area(code: "38") { communesWithFewBroadcasts(month: "202311", fewerThan: 2) { area { code name } broadcasts } } }`,
    );
    const list = data.area.communesWithFewBroadcasts;
    expect(list.find((row) => row.area.code === "14812")).toMatchObject({ broadcasts: 1, area: { name: expect.any(String) } });
    expect(list.find((row) => row.area.code === "14815")).toMatchObject({ broadcasts: 0 });
    expect(list.find((row) => row.area.code === "14809")).toBeUndefined();
    // Every commune of the province under 381 and 384 except 14809, fewest broadcasts first.
    expect(list).toHaveLength(7 + 8 - 1);
    expect(list.map((row) => row.broadcasts)).toEqual([...list.map((row) => row.broadcasts)].sort((a, b) => a - b));
    expect(list[list.length - 1]).toMatchObject({ area: { code: "14812" }, broadcasts: 1 });
  });

  it("lists the activities of an area by period and kind, and of the campaign", async () => {
    const data = await system.gateway.request<{
      area: { activities: { area: { code: string }; campaign: { code: string } }[] };
      campaign: { activities: unknown[] };
    }>(
      `{ area(code: "381") { activities(period: "202311", kind: BROADCAST) { area { code } campaign { code } } }
         campaign(code: "${CAMPAIGN}") { activities { id } } }`,
    );
    expect(data.area.activities.map((a) => a.area.code)).toEqual(["14809", "14812", "14809"]);
    expect(data.area.activities.every((a) => a.campaign.code === CAMPAIGN)).toBe(true);
    expect(data.campaign.activities).toHaveLength(ACTION_MONTH.length);
  });

  it("feeds broadcasts, people reached and officials trained to the indicator engine", async () => {
    const data = await system.gateway.request<{
      commune: { indicatorValues: { period: string; total: number }[] };
      province: { indicatorValues: { indicator: { code: string }; period: string; total: number; male: number | null; female: number | null }[] };
    }>(`{
      commune: area(code: "14809") { indicatorValues(indicatorCodes: ["COMM_BROADCASTS"], periods: ["202311", "2023"]) { period total } }
      province: area(code: "38") { indicatorValues(indicatorCodes: ["COMM_PEOPLE_REACHED", "COMM_OFFICIALS_TRAINED"], periods: ["2023"]) { indicator { code } period total male female } }
    }`);
    expect(data.commune.indicatorValues).toEqual([
      { period: "202311", total: 2 },
      { period: "2023", total: 2 },
    ]);
    const all = expected(ACTION_MONTH);
    const reached = data.province.indicatorValues.find((v) => v.indicator.code === "COMM_PEOPLE_REACHED");
    expect(reached).toMatchObject({ total: all.reached.total, male: all.reached.male, female: all.reached.female });
    // attendances of any official: the trained share of gender-equality officials counts persons of its own (decision 0086)
    const trained = data.province.indicatorValues.find((v) => v.indicator.code === "COMM_OFFICIALS_TRAINED");
    expect(trained).toMatchObject(all.officialsTrained);
  });
});

describe("the demo data", () => {
  it("holds Vị Xuyên's Action Month activities, readable as statistics and broadcast shortfalls", async () => {
    const data = await system.gateway.request<{
      area: { communicationStatistics: { activities: number }; communesWithFewBroadcasts: { area: { code: string }; broadcasts: number }[] };
    }>(
      `{ area(code: "030") { communicationStatistics(period: "202311") { activities } communesWithFewBroadcasts(month: "202311") { area { code } broadcasts } } }`,
    );
    expect(data.area.communicationStatistics.activities).toBeGreaterThan(0);
    const listed = new Map(data.area.communesWithFewBroadcasts.map((row) => [row.area.code, row.broadcasts]));
    expect(listed.get("00706")).toBe(1);
    expect(listed.has("00703")).toBe(false);
  });
});

describe("validation: clear errors, nothing written", () => {
  const row = (overrides: Record<string, unknown> = {}) => ({
    campaignCode: CAMPAIGN,
    areaCode: "14815",
    kind: "BROADCAST",
    title: "Bản tin",
    startDate: "2023-11-20",
    reachedMale: 1,
    reachedFemale: 1,
    ...overrides,
  });

  async function refused(activities: Record<string, unknown>[]) {
    const before = await campaignActivityCount();
    const client = await system.as(PROVINCE_CLERK);
    const result = await client.request<{
      recordActivities: { imported: number; rejected: number; conflicts: { index: number; field: string; message: string }[] };
    }>(RECORD, { input: { activities } });
    expect(result.recordActivities.imported).toBe(0);
    expect(await campaignActivityCount()).toBe(before);
    return result.recordActivities;
  }

  it("refuses an activity dated outside its campaign's period, with its row index", async () => {
    const result = await refused([row(), row({ startDate: "2023-12-16" }), row({ startDate: "2023-11-10", endDate: "2023-11-16" })]);
    expect(result.rejected).toBe(2);
    expect(result.conflicts.map((c) => [c.index, c.field])).toEqual([
      [1, "startDate"],
      [2, "startDate"],
    ]);
    expect(result.conflicts[0].message).toMatch(/outside campaign ACTION-MONTH-2023-38, which runs from 2023-11-15 to 2023-12-15/);
  });

  it("refuses negative reach", async () => {
    const result = await refused([row({ reachedMale: -5 }), row()]);
    expect(result.conflicts).toEqual([{ index: 0, field: "reachedMale", message: "reachedMale must not be negative, got -5" }]);
  });

  it("refuses non-numeric reach before anything runs, naming the row", async () => {
    const before = await campaignActivityCount();
    for (const value of ["many", 2.5]) {
      const body = await errorsOf(RECORD, { input: { activities: [row(), row({ reachedFemale: value })] } }, PROVINCE_CLERK);
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0].message).toMatch(/activities\[1\]\.reachedFemale/);
      expect(body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    }
    expect(await campaignActivityCount()).toBe(before);
  });

  it("refuses unknown areas and campaigns, and areas outside the campaign", async () => {
    const result = await refused([row({ areaCode: "99999" }), row({ campaignCode: "NO-SUCH-CAMPAIGN" }), row({ campaignCode: "ACTION-MONTH-2023-030" })]);
    expect(result.conflicts).toEqual([
      { index: 0, field: "areaCode", message: 'unknown area "99999"' },
      { index: 1, field: "campaignCode", message: 'unknown campaign "NO-SUCH-CAMPAIGN"' },
      { index: 2, field: "areaCode", message: "area 14815 does not take part in campaign ACTION-MONTH-2023-030 (areas: 030)" },
    ]);
  });

  it("refuses training figures that do not add up, and participants on other kinds", async () => {
    const result = await refused([row({ kind: "TRAINING_COURSE", participantsMale: 3, officialsMale: 4 }), row({ participantsFemale: 3 })]);
    expect(result.conflicts.map((c) => [c.index, c.field])).toEqual([
      [0, "officialsMale"],
      [1, "participantsFemale"],
    ]);
  });

  it("refuses, as FORBIDDEN, a batch with a row outside the caller's areas", async () => {
    const before = await campaignActivityCount();
    const districtClerk: Caller = { subject: "bs-clerk", roles: [Role.DATA_ENTRY], areaCodes: ["381"] };
    const body = await errorsOf(RECORD, { input: { activities: [row({ areaCode: "14809" }), row({ areaCode: "14845" })] } }, districtClerk);
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN", areaCodes: ["14845"], rows: [1] } });
    expect(body.errors?.[0].message).toMatch(/14845 \(row 1\): outside your assigned areas/);
    const single = await errorsOf(
      `mutation ($input: ActivityInput!) { recordActivity(input: $input) { id } }`,
      { input: row({ areaCode: "14845" }) },
      districtClerk,
    );
    expect(single.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await campaignActivityCount()).toBe(before);
  });

  it("refuses writes to callers without a data-entry role", async () => {
    const body = await errorsOf(RECORD, { input: { activities: [row()] } }, analyst("38"));
    expect(body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("records the valid rows when allOrNothing is false, and nothing in a dry run", async () => {
    const before = await campaignActivityCount();
    const client = await system.as(PROVINCE_CLERK);
    const dry = await client.request<{ recordActivities: { imported: number; activities: unknown[] } }>(RECORD, {
      input: { activities: [row()], dryRun: true },
    });
    expect(dry.recordActivities).toMatchObject({ imported: 1, activities: [] });
    expect(await campaignActivityCount()).toBe(before);
    const partial = await client.request<{
      recordActivities: { imported: number; rejected: number; conflicts: { index: number }[]; activities: { area: { code: string } }[] };
    }>(RECORD, { input: { activities: [row({ reachedMale: -1 }), row({ areaCode: "14818" })], allOrNothing: false } });
    expect(partial.recordActivities).toMatchObject({ imported: 1, rejected: 1, conflicts: [{ index: 0 }], activities: [{ area: { code: "14818" } }] });
    expect(await campaignActivityCount()).toBe(before + 1);
  });

  it("records one activity, or reports its problems as BAD_USER_INPUT", async () => {
    const single = `mutation ($input: ActivityInput!) { recordActivity(input: $input) { kind reached { total } materials { type count } campaign { code } } }`;
    const bad = await errorsOf(single, { input: row({ startDate: "2023-02-30" }) }, PROVINCE_CLERK);
    expect(bad.errors?.[0]).toMatchObject({
      message: '"2023-02-30" is not a date: use YYYY-MM-DD between 1900 and 2100',
      extensions: { code: "BAD_USER_INPUT", field: "startDate" },
    });
    const client = await system.as(PROVINCE_CLERK);
    const ok = await client.request<{ recordActivity: unknown }>(single, {
      input: row({ kind: "PRINTED_MATERIAL", materials: [{ type: "LEAFLET", count: 500 }] }),
    });
    expect(ok.recordActivity).toEqual({
      kind: "PRINTED_MATERIAL",
      reached: { total: 2 },
      materials: [{ type: "LEAFLET", count: 500 }],
      campaign: { code: CAMPAIGN },
    });
  });
});

describe("campaigns", () => {
  const CREATE = `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { code startDate endDate organisingArea { code } areas { code name } } }`;
  const campaign = (overrides: Record<string, unknown> = {}) => ({
    code: "WOMENS-DAY-2024-381",
    name: "Kỷ niệm ngày Quốc tế Phụ nữ 8/3",
    startDate: "2024-03-01",
    endDate: "2024-03-08",
    organisingAreaCode: "381",
    participantAreaCodes: ["14809"],
    ...overrides,
  });
  const districtClerk: Caller = { subject: "bs-clerk", roles: [Role.DATA_ENTRY], areaCodes: ["381"] };

  it("creates a campaign within the caller's areas, then takes activities in its period", async () => {
    const client = await system.as(districtClerk);
    const created = await client.request<{ createCampaign: unknown }>(CREATE, { input: campaign() });
    expect(created.createCampaign).toMatchObject({ code: "WOMENS-DAY-2024-381", organisingArea: { code: "381" }, areas: [{ code: "381" }, { code: "14809" }] });
    const recorded = await client.request<{ recordActivities: { imported: number } }>(RECORD, {
      input: {
        activities: [{ campaignCode: "WOMENS-DAY-2024-381", areaCode: "14809", kind: "CONTEST", title: "Hội thi", startDate: "2024-03-08", reachedFemale: 40 }],
      },
    });
    expect(recorded.recordActivities.imported).toBe(1);
  });

  it("refuses a campaign outside the caller's areas, with unknown areas, or with dates out of order", async () => {
    expect(
      (await errorsOf(CREATE, { input: campaign({ code: "X-384", organisingAreaCode: "384", participantAreaCodes: [] }) }, districtClerk)).errors?.[0]
        .extensions?.code,
    ).toBe("FORBIDDEN");
    expect((await errorsOf(CREATE, { input: campaign({ code: "X-UNKNOWN", participantAreaCodes: ["99999"] }) }, districtClerk)).errors?.[0]).toMatchObject({
      message: "unknown area 99999 in hierarchy 2025-03",
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect((await errorsOf(CREATE, { input: campaign({ code: "X-DATES", endDate: "2024-02-01" }) }, districtClerk)).errors?.[0].extensions?.code).toBe(
      "BAD_USER_INPUT",
    );
    const data = await system.gateway.request<{ campaigns: { code: string }[] }>(`{ campaigns(year: 2024) { code } }`);
    expect(data.campaigns.map((c) => c.code)).toEqual(["WOMENS-DAY-2024-381"]);
  });
});
