// Statistics rolled up the area tree (commune, district, province, nation) and the aggregates the
// indicator engine receives after each write, including a failed push and its repair by a resync.
import type { TestDatabase } from "@vnge/shared/testing/test-database";
import { RECORD, RecordingFeed, execute, openFixtureDatabase, run } from "./harness";

let db: TestDatabase;
const feed = new RecordingFeed();
beforeAll(async () => {
  db = await openFixtureDatabase();
});
afterAll(() => db?.dispose());

const activity = (areaCode: string, kind: string, startDate: string, reachedMale: number, reachedFemale: number, extra: Record<string, unknown> = {}) => ({
  areaCode,
  kind,
  title: `${kind} in ${areaCode}`,
  startDate,
  reachedMale,
  reachedFemale,
  ...extra,
});

const STATS = `query ($period: String!) {
  _entities(representations: [
    { __typename: "Area", code: "VN" }, { __typename: "Area", code: "01" }, { __typename: "Area", code: "001" },
    { __typename: "Area", code: "00001" }, { __typename: "Area", code: "002" }, { __typename: "Area", code: "02" }
  ]) { ... on Area { code communicationStatistics(period: $period) { activities reached { male female } officialsTrained { male female } } } }
}`;

type Stats = {
  code: string;
  communicationStatistics: { activities: number; reached: { male: number; female: number }; officialsTrained: { male: number; female: number } };
};

describe("rollup through the hierarchy", () => {
  beforeAll(async () => {
    const data = await run<{ recordActivities: { imported: number } }>(db, feed, RECORD, {
      input: {
        activities: [
          activity("00001", "BROADCAST", "2024-11-20", 10, 20),
          activity("00002", "TALK", "2024-11-21", 1, 2),
          activity("001", "EVENT", "2024-11-22", 100, 200),
          activity("00003", "TRAINING_COURSE", "2024-12-01", 5, 6, { participantsMale: 5, participantsFemale: 6, officialsMale: 4, officialsFemale: 6 }),
          activity("01", "ONLINE_POST", "2024-11-25", 1000, 2000),
          activity("00005", "BROADCAST", "2024-11-26", 7, 8),
          activity("VN", "BROADCAST", "2024-11-27", 5000, 5000),
        ],
      },
    });
    expect(data.recordActivities.imported).toBe(7);
  });

  it("sums each area's own activities and everything beneath it", async () => {
    const data = await run<{ _entities: Stats[] }>(db, feed, STATS, { period: "2024" });
    const byCode = Object.fromEntries(data._entities.map((e) => [e.code, e.communicationStatistics]));
    expect(byCode["00001"]).toEqual({ activities: 1, reached: { male: 10, female: 20 }, officialsTrained: { male: 0, female: 0 } });
    expect(byCode["001"]).toEqual({ activities: 3, reached: { male: 111, female: 222 }, officialsTrained: { male: 0, female: 0 } });
    expect(byCode["002"]).toEqual({ activities: 1, reached: { male: 5, female: 6 }, officialsTrained: { male: 4, female: 6 } });
    expect(byCode["01"]).toEqual({ activities: 5, reached: { male: 1116, female: 2228 }, officialsTrained: { male: 4, female: 6 } });
    expect(byCode["02"]).toEqual({ activities: 1, reached: { male: 7, female: 8 }, officialsTrained: { male: 0, female: 0 } });
    expect(byCode.VN).toEqual({ activities: 7, reached: { male: 6123, female: 7236 }, officialsTrained: { male: 4, female: 6 } });
  });

  it("counts an activity in the month it starts", async () => {
    const november = await run<{ _entities: Stats[] }>(db, feed, STATS, { period: "202411" });
    expect(november._entities.find((e) => e.code === "01")!.communicationStatistics.activities).toBe(4);
    const q1 = await run<{ _entities: Stats[] }>(db, feed, STATS, { period: "2024Q1" });
    expect(q1._entities.every((e) => e.communicationStatistics.activities === 0)).toBe(true);
  });

  it("refuses a malformed period", async () => {
    const result = await execute(db, feed, STATS, { period: "2024-11" });
    expect(result.errors?.[0].message).toMatch(/period "2024-11" must be a year/);
  });
});

describe("aggregates for the indicator engine", () => {
  it("pushes broadcasts per commune and reach and officials per province, by month and year", () => {
    expect(feed.latest("COMM_BROADCASTS", "00001", "202411")).toBe(1);
    expect(feed.latest("COMM_BROADCASTS", "00001", "2024")).toBe(1);
    expect(feed.latest("COMM_BROADCASTS", "00005", "202411")).toBe(1);
    // Broadcasts above commune level are not commune broadcasts.
    expect(feed.latest("COMM_BROADCASTS", "VN", "202411")).toBeUndefined();
    expect(feed.latest("COMM_PEOPLE_REACHED", "01", "202411", "FEMALE")).toBe(20 + 2 + 200 + 2000);
    expect(feed.latest("COMM_PEOPLE_REACHED", "01", "2024", "MALE")).toBe(1116);
    expect(feed.latest("COMM_OFFICIALS_TRAINED", "01", "202412", "FEMALE")).toBe(6);
    expect(feed.latest("COMM_OFFICIALS_TRAINED", "01", "2024", "MALE")).toBe(4);
    expect(feed.latest("COMM_PEOPLE_REACHED", "02", "2024", "MALE")).toBe(7);
    const pushed = feed.pushes.flat();
    expect(pushed.every((v) => v.areaCode !== "VN")).toBe(true);
  });

  it("recomputes totals on the next write rather than adding to them, so repeats converge", async () => {
    await run(db, feed, RECORD, { input: { activities: [activity("00001", "BROADCAST", "2024-11-29", 1, 1)] } });
    const last = feed.pushes[feed.pushes.length - 1];
    expect(last.filter((v) => v.dataElementCode === "COMM_BROADCASTS")).toEqual([
      { dataElementCode: "COMM_BROADCASTS", areaCode: "00001", period: "202411", sex: null, value: 2 },
      { dataElementCode: "COMM_BROADCASTS", areaCode: "00001", period: "2024", sex: null, value: 2 },
    ]);
    expect(feed.latest("COMM_PEOPLE_REACHED", "01", "2024", "MALE")).toBe(1117);
  });

  it("keeps the activity when the push fails, says so, and a resync delivers the whole year", async () => {
    feed.failing = true;
    const failed = await run<{ recordActivities: { imported: number; indicatorsUpdated: boolean } }>(db, feed, RECORD, {
      input: { activities: [activity("00002", "BROADCAST", "2024-12-03", 3, 3)] },
    });
    expect(failed.recordActivities).toEqual({ imported: 1, rejected: 0, conflicts: [], indicatorsUpdated: false });
    expect(feed.latest("COMM_BROADCASTS", "00002", "202412")).toBeUndefined();

    feed.failing = false;
    const resync = await run<{ resyncCommunicationIndicators: { values: number; delivered: boolean } }>(
      db,
      feed,
      `mutation { resyncCommunicationIndicators(year: 2024) { values delivered } }`,
    );
    expect(resync.resyncCommunicationIndicators.delivered).toBe(true);
    expect(feed.latest("COMM_BROADCASTS", "00002", "202412")).toBe(1);
    expect(feed.latest("COMM_BROADCASTS", "00001", "2024")).toBe(2);
    expect(feed.latest("COMM_PEOPLE_REACHED", "01", "2024", "FEMALE")).toBe(2229 + 3);
    expect(resync.resyncCommunicationIndicators.values).toBe(feed.pushes[feed.pushes.length - 1].length);
  });
});
