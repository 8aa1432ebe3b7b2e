// Importing the national list: counts, idempotence, and all-or-nothing on failure. The national list is
// read from NATIONAL_DATA_DIR (tests/areas-generated.test.ts covers the same on a generated list).
import fs from "node:fs";
import path from "node:path";
import { type AreaRow, repoRoot } from "@vnge/shared";
import { importAreas, parseUnitList } from "@vnge/indicators";
import { createTestDatabase, describeWithNationalData, type TestDatabase } from "@vnge/shared/testing";

const DEMO_LIST = path.join(repoRoot, "prisma", "seed", "demo-areas.json");
const readList = (file: string) => parseUnitList(JSON.parse(fs.readFileSync(file, "utf8")));

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(() => db.dispose());

const countByLevel = async () => {
  const groups = await db.prisma.area.groupBy({ by: ["level"], _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.level, g._count._all]));
};

describeWithNationalData(__filename, "national list of administrative units", (national) => {
  it("imports 63 provinces, 696 districts and 10,035 communes, and a second import changes no row", async () => {
    const rows = readList(national.files.units);
    expect(await importAreas(db, rows)).toEqual({ inserted: 10_795, updated: 0, unchanged: 0 });
    expect(await countByLevel()).toEqual({ NATION: 1, PROVINCE: 63, DISTRICT: 696, COMMUNE: 10_035 });

    // Island districts have no communes.
    for (const code of ["318", "471", "498", "536", "755"]) {
      expect(await db.prisma.area.count({ where: { parentCode: code } })).toBe(0);
    }
    const hanoiWard = await db.prisma.area.findUniqueOrThrow({ where: { hierarchyCode_code: { hierarchyCode: "2025-03", code: "00001" } } });
    expect(hanoiWard).toMatchObject({ level: "COMMUNE", parentCode: "001", districtCode: "001", provinceCode: "01" });

    const before = await db.prisma.area.findMany({ orderBy: { code: "asc" } });
    expect(await importAreas(db, rows)).toEqual({ inserted: 0, updated: 0, unchanged: 10_795 });
    expect(await db.prisma.area.findMany({ orderBy: { code: "asc" } })).toEqual(before);
  });
});

describe("importAreas", () => {
  it("updates only the rows whose data changed", async () => {
    const rows = readList(DEMO_LIST);
    await importAreas(db, rows);
    const renamed = rows.map((row) => (row.code === "381" ? { ...row, nameEn: "Bim Son Town" } : row));
    expect(await importAreas(db, renamed)).toEqual({ inserted: 0, updated: 1, unchanged: rows.length - 1 });
    expect((await db.prisma.area.findUniqueOrThrow({ where: { hierarchyCode_code: { hierarchyCode: "2025-03", code: "381" } } })).nameEn).toBe("Bim Son Town");
  });

  it("changes nothing when any row fails, even after earlier batches were written", async () => {
    await importAreas(db, readList(DEMO_LIST));
    const before = await db.prisma.area.findMany({ orderBy: { code: "asc" } });
    // More rows than one batch, then a commune whose district does not exist.
    const communes: AreaRow[] = Array.from({ length: 6_000 }, (_, i) => ({
      code: String(90_000 + i),
      level: "COMMUNE",
      name: `Xã ${i}`,
      nameEn: `Commune ${i}`,
      fullName: `Xã ${i}`,
      fullNameEn: `Commune ${i}`,
      parentCode: "381",
      provinceCode: "38",
      districtCode: "381",
    }));
    communes.push({ ...communes[0], code: "99999", parentCode: "998", districtCode: "998" });
    await expect(importAreas(db, communes)).rejects.toThrow();
    expect(await db.prisma.area.findMany({ orderBy: { code: "asc" } })).toEqual(before);
  });
});
