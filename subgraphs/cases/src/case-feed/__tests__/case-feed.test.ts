// The feed after case writes: what is pushed, and what happens when the indicator engine cannot be reached.
import path from "node:path";
import { type AggregateValue, AreaDirectory, AreaScope, type Identity, Role, repoRoot } from "@vnge/shared";
import { importAreas, readUnitListFile } from "@vnge/indicators";
import { createTestDatabase, type TestDatabase } from "@vnge/shared/testing/test-database";
import { CaseFeed } from "../case-feed.service";
import { communeValues, provinceValues } from "../case-feed.values";
import type { CaseRecordInput } from "../../case-record/case-record.input";
import { CaseRecordService } from "../../case-record/case-record.service";
import { CaseRecordStore } from "../../case-record/case-record.store";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await importAreas(db, readUnitListFile(path.join(repoRoot, "prisma", "seed", "demo-areas.json")));
});
afterAll(() => db?.dispose());

const silent = { warn: () => undefined };
const identity: Identity = { subject: "worker", roles: new Set([Role.CASE_WORKER]), areaCodes: ["381"], via: "token" };

class FakeFeed {
  pushed: AggregateValue[][] = [];
  failing = false;
  async push(values: readonly AggregateValue[]) {
    if (this.failing) throw new Error("indicators service unreachable");
    this.pushed.push([...values]);
    return { imported: values.length, updated: 0, unchanged: 0, rejected: 0, conflicts: [] };
  }
}

function service(feed: FakeFeed) {
  const areas = new AreaDirectory(db);
  const context = { identity, areas, scope: new AreaScope(areas, identity.areaCodes), requestId: "test", logger: silent as never };
  return new CaseRecordService(context, new CaseRecordStore(db), new CaseFeed(db, areas, feed, silent), () => "2025-12-31");
}

const input = (extra: Partial<CaseRecordInput> = {}): CaseRecordInput => ({
  areaCode: "14824",
  detectedOn: "2025-05-01",
  form: "TRAFFICKING",
  setting: "OTHER",
  victimSex: "FEMALE",
  victimAgeGroup: "AGE_16_17",
  victimEthnicMinority: false,
  perpetratorSex: "MALE",
  perpetratorCounselled: true,
  services: [{ service: "SHELTER", providedOn: "2025-05-02" }],
  ...extra,
});

describe("case feed", () => {
  it("keeps the case and marks its commune-year pending when the push fails; the resync pushes it later", async () => {
    const feed = new FakeFeed();
    feed.failing = true;
    const result = await service(feed).record(input());
    expect(result.indicatorFeed).toBe("PENDING");
    expect(await db.prisma.caseRecord.count({ where: { id: result.caseRecord.id } })).toBe(1);
    expect(await db.prisma.caseFeedState.findUnique({ where: { areaCode_period: { areaCode: "14824", period: "2025" } } })).toMatchObject({
      pending: true,
      lastError: "indicators service unreachable",
    });

    feed.failing = false;
    expect(await new CaseFeed(db, new AreaDirectory(db), feed, silent).resync({ pendingOnly: true })).toEqual({ communeYears: 1, values: 12 });
    const pushed = new Map(feed.pushed.flat().map((v) => [`${v.dataElementCode}/${v.areaCode}/${v.sex}`, v.value]));
    expect(pushed.get("GBV_VICTIMS_DETECTED/14824/FEMALE")).toBe(1);
    expect(pushed.get("GBV_VICTIMS_SUPPORTED/14824/FEMALE")).toBe(1);
    expect(pushed.get("GBV_PERPETRATORS_COUNSELLED/14824/MALE")).toBe(1);
    expect(pushed.get("TRAFFICKING_VICTIMS_IN_NEED/38/FEMALE")).toBe(1);
    expect(pushed.get("TRAFFICKING_VICTIMS_SUPPORTED/38/FEMALE")).toBe(1);
    expect(pushed.get("GBV_VICTIMS_DETECTED/14824/MALE")).toBe(0);
    expect(await db.prisma.caseFeedState.count({ where: { pending: true } })).toBe(0);
  });

  it("pushes right after a write when the engine answers", async () => {
    const feed = new FakeFeed();
    const result = await service(feed).record(input({ areaCode: "14823", form: "SEXUAL", services: [] }));
    expect(result.indicatorFeed).toBe("PUSHED");
    expect(feed.pushed).toHaveLength(1);
    const values = feed.pushed[0].filter((v) => v.areaCode === "14823" && v.value > 0).map((v) => `${v.dataElementCode}/${v.sex}`);
    expect(values.sort()).toEqual(["GBV_PERPETRATORS_COUNSELLED/MALE", "GBV_PERPETRATORS_DETECTED/MALE", "GBV_VICTIMS_DETECTED/FEMALE"]);
    expect(await db.prisma.caseFeedState.count({ where: { pending: true } })).toBe(0);
  });
});

describe("aggregate values", () => {
  const tally = {
    areaCode: "14809",
    period: "2024",
    perpetratorSex: null,
    perpetratorProsecuted: false,
    perpetratorCounselled: false,
    trafficking: false,
    supported: false,
  };
  it("counts perpetrators only when known and not prosecuted, and gives zeros for every element and sex", () => {
    const values = communeValues("14809", "2024", [
      { ...tally, victimSex: "FEMALE", supported: true, perpetratorSex: "MALE", perpetratorProsecuted: true, count: 2 },
      { ...tally, victimSex: "MALE", perpetratorSex: "FEMALE", perpetratorCounselled: true, count: 1 },
      { ...tally, areaCode: "14812", victimSex: "MALE", count: 9 },
    ]);
    const value = (element: string, sex: string) => values.find((v) => v.dataElementCode === element && v.sex === sex)?.value;
    expect(values).toHaveLength(8);
    expect([value("GBV_VICTIMS_DETECTED", "FEMALE"), value("GBV_VICTIMS_DETECTED", "MALE")]).toEqual([2, 1]);
    expect([value("GBV_VICTIMS_SUPPORTED", "FEMALE"), value("GBV_VICTIMS_SUPPORTED", "MALE")]).toEqual([2, 0]);
    expect([value("GBV_PERPETRATORS_DETECTED", "MALE"), value("GBV_PERPETRATORS_DETECTED", "FEMALE")]).toEqual([0, 1]);
    expect(value("GBV_PERPETRATORS_COUNSELLED", "FEMALE")).toBe(1);
  });

  it("counts trafficking cases of the whole province at the province", () => {
    const values = provinceValues("38", "2024", [
      { ...tally, victimSex: "FEMALE", trafficking: true, supported: true, count: 3 },
      { ...tally, areaCode: "14812", victimSex: "FEMALE", trafficking: true, count: 1 },
      { ...tally, victimSex: "MALE", count: 5 },
    ]);
    expect(values.filter((v) => v.value > 0)).toEqual([
      { dataElementCode: "TRAFFICKING_VICTIMS_IN_NEED", areaCode: "38", period: "2024", sex: "FEMALE", value: 4 },
      { dataElementCode: "TRAFFICKING_VICTIMS_SUPPORTED", areaCode: "38", period: "2024", sex: "FEMALE", value: 3 },
    ]);
  });
});
