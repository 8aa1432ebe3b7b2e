// A standard client cache (Apollo Client 4's InMemoryCache, no type policies) normalises what the API
// returns: areas and indicator values asked by two queries with different fields become one cached
// object each, and the same code in two hierarchy versions stays two objects (decision 0090).
import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { type TestSystem, authHeader } from "../testkit";
import { startReformSystem, submitLiveBirths } from "./reform-fixture";

let system: TestSystem;
let client: ApolloClient;
const births = (code: string, sex: "MALE" | "FEMALE") => (Number(code) % 7) + (sex === "MALE" ? 3 : 1);

beforeAll(async () => {
  system = await startReformSystem();
  expect(await submitLiveBirths(system.db, births)).toEqual([]);
  client = new ApolloClient({ cache: new InMemoryCache(), link: new HttpLink({ uri: system.gatewayUrl, headers: await authHeader() }) });
}, 120_000);
afterAll(() => system?.close());

const AREA_DASHBOARD = gql`
  query AreaDashboard {
    area(code: "08", hierarchy: "2025-03") {
      id
      code
      name
      indicatorValues(indicatorCodes: ["LIVE_BIRTHS"], periods: ["2024"]) {
        id
        period
        total
      }
    }
  }
`;
const PROVINCE_ROLLUP = gql`
  query ProvinceRollup {
    rollup(indicatorCodes: ["LIVE_BIRTHS"], periods: ["2024"], parentCode: "VN", level: PROVINCE, hierarchy: "2025-03") {
      id
      male
      female
      area {
        id
        nameEn
        level
      }
    }
  }
`;
const NEW_PROVINCE = gql`
  query NewProvince {
    area(code: "08", hierarchy: "2025-07") {
      id
      code
      name
      indicatorValues(indicatorCodes: ["LIVE_BIRTHS"], periods: ["2024"]) {
        id
        total
      }
    }
  }
`;

interface Value {
  id: string;
  total?: number;
  male?: number;
  female?: number;
}
type Cached = Record<string, Record<string, unknown>>;

describe("Apollo Client's normalised cache", () => {
  it("merges one area and one indicator value asked by two queries with different fields", async () => {
    const first = await client.query({ query: AREA_DASHBOARD, fetchPolicy: "network-only" });
    const second = await client.query({ query: PROVINCE_ROLLUP, fetchPolicy: "network-only" });
    const area = (first.data as { area: { id: string; indicatorValues: Value[] } }).area;
    expect(area.id).toBe("2025-03:08");
    const value = area.indicatorValues[0];
    expect(value.id).toBe("LIVE_BIRTHS:2025-03:08:2024");
    const rolled = (second.data as { rollup: (Value & { area: { id: string } })[] }).rollup.find((v) => v.id === value.id)!;
    expect(rolled.area.id).toBe(area.id);

    const cached = client.cache.extract() as Cached;
    expect(cached[`Area:${area.id}`]).toMatchObject({ code: "08", name: "Tuyên Quang", nameEn: "Tuyên Quang", level: "PROVINCE" });
    expect(cached[`IndicatorValue:${value.id}`]).toMatchObject({ period: "2024", total: value.total, male: rolled.male, female: rolled.female });
    expect(rolled.male! + rolled.female!).toBe(value.total);
    // The first query still reads whole from the cache after the second wrote into the same objects.
    const again = await client.query({ query: AREA_DASHBOARD, fetchPolicy: "cache-only" });
    expect(again.data).toEqual(first.data);
  });

  it("keeps an area code of two hierarchy versions apart", async () => {
    const old = await client.query({ query: AREA_DASHBOARD, fetchPolicy: "network-only" });
    const renewed = await client.query({ query: NEW_PROVINCE, fetchPolicy: "network-only" });
    const area = (renewed.data as { area: { id: string; indicatorValues: Value[] } }).area;
    expect(area.id).toBe("2025-07:08");
    expect(area.indicatorValues[0].id).toBe("LIVE_BIRTHS:2025-07:08:2024");
    const cached = client.cache.extract() as Cached;
    expect(
      Object.keys(cached)
        .filter((key) => key.startsWith("Area:"))
        .sort(),
    ).toEqual(expect.arrayContaining(["Area:2025-03:08", "Area:2025-07:08"]));
    // The new Tuyên Quang holds the old Hà Giang too: its 2024 value is larger, and the old one is unchanged.
    const oldTotal = (old.data as { area: { indicatorValues: Value[] } }).area.indicatorValues[0].total!;
    expect(area.indicatorValues[0].total).toBeGreaterThan(oldTotal);
    expect((await client.query({ query: AREA_DASHBOARD, fetchPolicy: "cache-only" })).data).toEqual(old.data);
  });
});
