// Importing a national-sized list generated here (63 provinces, ~700 districts, ~10,600 communes, more rows
// than one batch): counts, idempotence and all-or-nothing, with expectations taken from the list itself.
import { importAreas, parseUnitList } from "@vnge/indicators";
import { generateUnitList } from "@vnge/indicators/testing";
import type { AreaRow } from "@vnge/shared";
import { createTestDatabase, type TestDatabase } from "@vnge/shared/testing";

const units = generateUnitList();
const rows = parseUnitList(units);
const districts = units.flatMap((p) => p.District);
const communes = districts.flatMap((d) => d.Ward ?? []);

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(() => db.dispose());

const countByLevel = async () => {
  const groups = await db.prisma.area.groupBy({ by: ["level"], _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.level, g._count._all]));
};
const allAreas = () => db.prisma.area.findMany({ orderBy: { code: "asc" } });

describe("a generated national-sized list of administrative units", () => {
  it("imports every unit of the list under its parent, and a second import changes no row", async () => {
    const total = 1 + units.length + districts.length + communes.length;
    expect(await importAreas(db, rows)).toEqual({ inserted: total, updated: 0, unchanged: 0 });
    expect(await countByLevel()).toEqual({ NATION: 1, PROVINCE: units.length, DISTRICT: districts.length, COMMUNE: communes.length });

    for (const island of districts.filter((d) => d.Ward === null)) {
      expect(await db.prisma.area.count({ where: { parentCode: island.Code } })).toBe(0);
    }
    const province = units[units.length - 1];
    const district = province.District[0];
    const commune = district.Ward![0];
    const stored = await db.prisma.area.findUniqueOrThrow({ where: { hierarchyCode_code: { hierarchyCode: "2025-03", code: commune.Code } } });
    expect(stored).toMatchObject({ level: "COMMUNE", name: commune.Name, parentCode: district.Code, districtCode: district.Code, provinceCode: province.Code });

    const before = await allAreas();
    expect(await importAreas(db, rows)).toEqual({ inserted: 0, updated: 0, unchanged: total });
    expect(await allAreas()).toEqual(before);
  });

  it("updates only the units whose data changed", async () => {
    await importAreas(db, rows);
    const renamed = new Set(communes.filter((_, i) => i % 1_000 === 0).map((c) => c.Code));
    const changed = rows.map((row) => (renamed.has(row.code) ? { ...row, nameEn: `${row.nameEn} (renamed)` } : row));
    expect(await importAreas(db, changed)).toEqual({ inserted: 0, updated: renamed.size, unchanged: rows.length - renamed.size });
    expect(await db.prisma.area.count({ where: { nameEn: { endsWith: "(renamed)" } } })).toBe(renamed.size);
  });

  it("writes nothing when its last row fails, into an empty table or over an earlier import", async () => {
    // The last commune names a district that does not exist: it fails after the earlier batches were written.
    const last = communes[communes.length - 1].Code;
    const broken = (list: AreaRow[]): AreaRow[] => list.map((row) => (row.code === last ? { ...row, parentCode: "999", districtCode: "999" } : row));
    const empty = await allAreas();
    await expect(importAreas(db, broken(rows))).rejects.toThrow();
    expect(await allAreas()).toEqual(empty);

    await importAreas(db, rows);
    const before = await allAreas();
    const renamed = rows.map((row) => (row.level === "COMMUNE" ? { ...row, name: `${row.name} mới` } : row));
    await expect(importAreas(db, broken(renamed))).rejects.toThrow();
    expect(await allAreas()).toEqual(before);
  });
});
