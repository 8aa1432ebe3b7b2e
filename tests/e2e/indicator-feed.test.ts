// A subgraph's aggregates reach the indicator engine through the feed, validated like any submission.
import { IndicatorFeed, loadAuthConfig } from "@vnge/shared";
import { type TestSystem, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

describe("IndicatorFeed", () => {
  const feed = () => new IndicatorFeed("cases", loadAuthConfig(), () => system.subgraphUrls.indicators);

  it("upserts aggregates as a service, idempotently, and the next rollup sees them", async () => {
    const values = [
      { dataElementCode: "GBV_VICTIMS_DETECTED", areaCode: "14809", period: "2024", sex: "FEMALE" as const, value: 4 },
      { dataElementCode: "GBV_VICTIMS_SUPPORTED", areaCode: "14809", period: "2024", sex: "FEMALE" as const, value: 3 },
    ];
    expect(await feed().push(values, "feed-test")).toMatchObject({ imported: 2, rejected: 0 });
    expect(await feed().push(values)).toMatchObject({ imported: 0, unchanged: 2 });
    const history = await system.gateway.request<{ dataValueHistory: { changedBy: string }[] }>(
      `{ dataValueHistory(dataElementCode: "GBV_VICTIMS_DETECTED", areaCode: "14809", period: "2024", sex: FEMALE) { changedBy } }`,
    );
    expect(history.dataValueHistory.map((change) => change.changedBy)).toEqual(["service:cases"]);
  });

  it("throws, writing nothing, when the engine refuses a value", async () => {
    const bad = [
      { dataElementCode: "GBV_VICTIMS_DETECTED", areaCode: "14812", period: "2024", sex: "FEMALE" as const, value: 1 },
      { dataElementCode: "GBV_VICTIMS_DETECTED", areaCode: "14812", period: "20x4", sex: "FEMALE" as const, value: 1 },
    ];
    await expect(feed().push(bad)).rejects.toThrow(/refused 1 cases aggregate/);
    const history = await system.gateway.request<{ dataValueHistory: unknown[] }>(
      `{ dataValueHistory(dataElementCode: "GBV_VICTIMS_DETECTED", areaCode: "14812", period: "2024", sex: FEMALE) { changedBy } }`,
    );
    expect(history.dataValueHistory).toEqual([]);
  });
});
