// The read path's lookups run as SQL on the driver (decision 0116): they must return the very records the
// typed client returns, every column under its field name, timestamps as the same instants, whatever the
// process's time zone.
import { type AreaRecord, BASE_HIERARCHY } from "@vnge/shared";
import type { TestDatabase } from "@vnge/shared/testing/test-database";
import { openFixtureDatabase } from "../../__tests__/harness";
import { AreaStore, areaKey } from "../../area/area.store";
import { DataElementStore } from "../../data-element/data-element.store";
import { IndicatorStore } from "../../indicator/indicator.store";

let db: TestDatabase;
const zone = process.env.TZ;
beforeAll(async () => {
  // Seven hours east of UTC: a timestamp read as local time would be off by that much.
  process.env.TZ = "Asia/Ho_Chi_Minh";
  db = await openFixtureDatabase();
});
afterAll(async () => {
  process.env.TZ = zone;
  await db?.dispose();
});

const byCode = <T extends { code: string }>(rows: T[]) => [...rows].sort((a, b) => a.code.localeCompare(b.code));

it("reads areas as the typed client does: by code, by parent, at a level beneath an area, in pages", async () => {
  const store = new AreaStore(db);
  const hierarchy = BASE_HIERARCHY;
  const all = await db.prisma.area.findMany({ where: { hierarchyCode: hierarchy } });
  expect(all.length).toBeGreaterThan(10);
  expect(byCode(await store.findByCodes(["01", "001", "00003", "nope"], hierarchy))).toEqual(
    byCode(all.filter((a) => ["01", "001", "00003"].includes(a.code))),
  );
  expect(await store.findByKeys([areaKey(hierarchy, "VN"), areaKey("1999-01", "VN")])).toEqual(all.filter((a) => a.code === "VN"));

  const sorted = byCode(all);
  const childrenOf = (codes: string[]) => sorted.filter((a: AreaRecord) => a.parentCode !== null && codes.includes(a.parentCode));
  expect(await store.findChildrenOf([areaKey(hierarchy, "001"), areaKey(hierarchy, "02")])).toEqual(childrenOf(["001", "02"]));

  const communes = sorted.filter((a) => a.level === "COMMUNE");
  expect(await store.findByLevel("COMMUNE", undefined, hierarchy)).toEqual(communes);
  expect(await store.findByLevel("COMMUNE", "02", hierarchy)).toEqual(communes.filter((a) => a.provinceCode === "02"));
  expect(await store.findByLevel("COMMUNE", "003", hierarchy)).toEqual(communes.filter((a) => a.districtCode === "003"));
  expect(await store.findByLevel("DISTRICT", "01", hierarchy)).toEqual(sorted.filter((a) => a.level === "DISTRICT" && a.parentCode === "01"));
  expect(await store.findByLevel("COMMUNE", undefined, hierarchy, { first: 3 })).toEqual(communes.slice(0, 3));
  expect(await store.findByLevel("COMMUNE", "01", hierarchy, { first: 2, after: "00002" })).toEqual(communes.slice(2, 4));
  expect(await store.findByLevel("PROVINCE", undefined, "1999-01")).toEqual([]);
});

it("reads indicators and data elements as the typed client does, retired ones with the same instant", async () => {
  const [indicator] = await db.prisma.indicator.findMany({ take: 1, orderBy: { code: "asc" } });
  const element = indicator.numeratorElementCode;
  const retiredAt = new Date("2026-01-02T03:04:05.678Z");
  await db.prisma.indicator.update({ where: { code: indicator.code }, data: { retiredAt } });
  await db.prisma.dataElement.update({ where: { code: element }, data: { retiredAt } });

  const indicators = await db.prisma.indicator.findMany();
  const codes = indicators.map((i) => i.code);
  expect(byCode(await new IndicatorStore(db).findByCodes([...codes, "NOPE"]))).toEqual(byCode(indicators));
  const elements = await db.prisma.dataElement.findMany();
  expect(byCode(await new DataElementStore(db).findByCodes(elements.map((e) => e.code)))).toEqual(byCode(elements));

  const [retired] = await new IndicatorStore(db).findByCodes([indicator.code]);
  expect(retired.retiredAt?.toISOString()).toBe(retiredAt.toISOString());
  const [retiredElement] = await new DataElementStore(db).findByCodes([element]);
  expect(retiredElement.retiredAt?.toISOString()).toBe(retiredAt.toISOString());
});
