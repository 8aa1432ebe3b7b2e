// Importing a hierarchy version and its crosswalk on a national-sized reform generated here: the generated
// 2025-03 list and a reform merging 63 provinces into 34 and its communes into new ones, some split
// (a few across a new province's border), with codes the list does not hold. The expected crosswalk is
// worked out from the generated files themselves, independently of the import.
import { type HierarchyImportSummary, importAreas, importHierarchyVersion, parseReform, parseUnitList, type ReformFiles } from "@vnge/indicators";
import { type GeneratedReform, generateReform, generateUnitList } from "@vnge/indicators/testing";
import { BadUserInputError, NATION_CODE } from "@vnge/shared";
import { createTestDatabase, type TestDatabase } from "@vnge/shared/testing";

const VERSION = { code: "2025-07", name: "After the reform (generated)", validFrom: "2025-07-01", previous: "2025-03" };
const UNKNOWN = ["99991", "99994"];
const units = generateUnitList();
const reform = generateReform(units, { unknownCodes: UNKNOWN });
const newCommunes = reform.merges.data.flatMap((p) => p.level2s);

/** Each old leaf (a commune, or a district without communes) with its district and province. */
const oldLeaves = new Map<string, { district: string; province: string }>();
for (const p of units) {
  for (const d of p.District) {
    for (const code of d.Ward === null ? [d.Code] : d.Ward.map((w) => w.Code)) oldLeaves.set(code, { district: d.Code, province: p.Code });
  }
}
const newProvinceOf = new Map(reform.merges.data.flatMap((p) => p.level2s.map((c) => [c.level2_id, p.level1_id] as const)));
/** Known old leaf -> the new communes it went into, and new commune -> its known old leaves. */
const targets = new Map<string, string[]>();
const sources = new Map<string, string[]>();
for (const c of newCommunes) {
  for (const m of c.merges.filter((m) => oldLeaves.has(m.old_id))) {
    targets.set(m.old_id, [...(targets.get(m.old_id) ?? []), c.level2_id]);
    sources.set(c.level2_id, [...(sources.get(c.level2_id) ?? []), m.old_id]);
  }
}

type Shares = Map<string, number>;
const add = (shares: Shares, code: string, weight: number) => shares.set(code, (shares.get(code) ?? 0) + weight);
/** A leaf's value spread evenly over the units it went into, and so over their ancestors. */
const forwardLeaf = (leaf: string): Shares => {
  const to = targets.get(leaf)!;
  const shares: Shares = new Map();
  for (const c of to) for (const code of [c, newProvinceOf.get(c)!, NATION_CODE]) add(shares, code, 1 / to.length);
  return shares;
};
const backwardLeaf = (commune: string): Shares => {
  const to = sources.get(commune)!;
  const shares: Shares = new Map();
  for (const leaf of to) {
    const { district, province } = oldLeaves.get(leaf)!;
    for (const code of new Set([leaf, district, province, NATION_CODE])) add(shares, code, 1 / to.length);
  }
  return shares;
};
/** An area above the leaves: its leaves' shares, averaged. */
const averaged = (leaves: string[], leafShares: (leaf: string) => Shares): Shares => {
  const total: Shares = new Map();
  for (const leaf of leaves) for (const [code, weight] of leafShares(leaf)) add(total, code, weight / leaves.length);
  return total;
};
const expectedTable = (areas: Map<string, string[]>, leafShares: (leaf: string) => Shares) => {
  const table = new Map<string, number>();
  for (const [area, leaves] of areas) for (const [code, weight] of averaged(leaves, leafShares)) table.set(`${area}>${code}`, weight);
  return table;
};
const group = (entries: [string, string][]) => {
  const groups = new Map<string, string[]>();
  for (const [key, leaf] of entries) groups.set(key, [...(groups.get(key) ?? []), leaf]);
  return groups;
};
const mapped = [...targets.keys()];
const oldAreas = new Map([
  ...group(mapped.map((leaf) => [leaf, leaf])),
  ...group(mapped.map((leaf) => [oldLeaves.get(leaf)!.district, leaf])),
  ...group(mapped.map((leaf) => [oldLeaves.get(leaf)!.province, leaf])),
  [NATION_CODE, mapped],
]);
const newAreas = new Map([
  ...group(newCommunes.map((c) => [c.level2_id, c.level2_id])),
  ...group(newCommunes.map((c) => [newProvinceOf.get(c.level2_id)!, c.level2_id])),
  [NATION_CODE, newCommunes.map((c) => c.level2_id)],
]);

let db: TestDatabase;
let firstImport: HierarchyImportSummary;
beforeAll(async () => {
  db = await createTestDatabase();
  await importAreas(db, parseUnitList(units));
  firstImport = await importHierarchyVersion(db, VERSION, parseReform(reform));
}, 300_000);
afterAll(() => db?.dispose());

const crosswalk = async (from: string, to: string) => {
  const rows = await db.prisma.areaCrosswalk.findMany({ where: { fromHierarchy: from, toHierarchy: to } });
  return new Map(rows.map((row) => [`${row.fromCode}>${row.toCode}`, row.weight]));
};
const expectSameTable = (actual: Map<string, number>, expected: Map<string, number>) => {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  const off = [...expected].filter(([key, weight]) => Math.abs(actual.get(key)! - weight) > 1e-9);
  expect(off).toEqual([]);
};
const snapshot = async () => ({
  areas: await db.prisma.area.findMany({ where: { hierarchyCode: VERSION.code }, orderBy: { code: "asc" } }),
  mappings: await db.prisma.areaMapping.findMany({ orderBy: [{ fromHierarchy: "asc" }, { fromCode: "asc" }, { toCode: "asc" }] }),
  crosswalk: await db.prisma.areaCrosswalk.findMany({ orderBy: [{ fromHierarchy: "asc" }, { fromCode: "asc" }, { toCode: "asc" }] }),
  versions: await db.prisma.hierarchy.findMany({ orderBy: { code: "asc" } }),
});

describe("importing a generated national-sized reform", () => {
  it("loads the new provinces and communes without districts, and the published edges of known units", async () => {
    const counts = await db.prisma.area.groupBy({ by: ["level"], where: { hierarchyCode: VERSION.code }, _count: { _all: true } });
    expect(Object.fromEntries(counts.map((c) => [c.level, c._count._all]))).toEqual({
      NATION: 1,
      PROVINCE: reform.merges.data.length,
      COMMUNE: newCommunes.length,
    });
    const communeEdges = [...targets.values()].reduce((t, to) => t + to.length, 0);
    expect(firstImport).toMatchObject({
      areas: { inserted: 1 + reform.merges.data.length + newCommunes.length, updated: 0, unchanged: 0 },
      skippedCodes: UNKNOWN,
    });
    expect(await db.prisma.areaMapping.count()).toBe(units.length + communeEdges);
    expect(firstImport.mappings).toBe(units.length + communeEdges);
  });

  it("derives the crosswalk from the old units to the new ones: even shares of split units, averaged above the leaves", async () => {
    const forward = await crosswalk("2025-03", VERSION.code);
    expectSameTable(forward, expectedTable(oldAreas, forwardLeaf));
    // The reform has both kinds at province level: old provinces carried whole, and some split across a border.
    const provinceWeights = units.map((p) => [...forward].filter(([key]) => new RegExp(`^${p.Code}>\\d{2}$`).test(key)).map(([, w]) => w));
    expect(provinceWeights.filter((w) => w.length === 1 && w[0] === 1).length).toBeGreaterThan(0);
    expect(provinceWeights.filter((w) => w.length > 1).length).toBeGreaterThan(0);
  });

  it("derives the crosswalk back from the new units to the old ones", async () => {
    expectSameTable(await crosswalk(VERSION.code, "2025-03"), expectedTable(newAreas, backwardLeaf));
  });

  it("keeps every old area's total: its shares over the new communes and over the new provinces each add up to 1", async () => {
    const sums = new Map<string, number>();
    for (const [key, weight] of await crosswalk("2025-03", VERSION.code)) {
      const [from, to] = key.split(">");
      if (to !== NATION_CODE) add(sums, `${from}>${to.length}`, weight);
    }
    expect(sums.size).toBe(2 * oldAreas.size);
    expect([...sums].filter(([, sum]) => Math.abs(sum - 1) > 1e-9)).toEqual([]);
  });

  it("changes nothing when run again with the same files", async () => {
    const before = await snapshot();
    const again = await importHierarchyVersion(db, VERSION, parseReform(reform));
    expect(again.areas).toEqual({ inserted: 0, updated: 0, unchanged: 1 + reform.merges.data.length + newCommunes.length });
    expect(again.skippedCodes).toEqual(UNKNOWN);
    expect(await snapshot()).toEqual(before);
  });

  /** The reform with one more edge, from `fromCode` into the last new commune (no splits file to cross-check). */
  const withEdge = (files: GeneratedReform, fromCode: string): ReformFiles => {
    const merges = structuredClone(files.merges);
    merges.data[merges.data.length - 1].level2s.at(-1)!.merges.push({ old_id: fromCode, name: "", type: "full" });
    return { provincesCsv: files.provincesCsv, merges };
  };

  it("writes nothing when a re-import fails after writing its areas", async () => {
    const before = await snapshot();
    const renamed = structuredClone(reform);
    for (const c of renamed.merges.data.flatMap((p) => p.level2s)) c.name = `${c.name} Mới`;
    // An old district that has communes cannot be a unit of the mapping: refused once the areas are written.
    const district = units[0].District[0].Code;
    await expect(importHierarchyVersion(db, VERSION, parseReform(withEdge(renamed, district)))).rejects.toThrow(BadUserInputError);
    expect(await snapshot()).toEqual(before);
  });

  it("leaves no trace of a new version whose import fails", async () => {
    const before = await snapshot();
    const next = { code: "2026-01", name: "A later version", validFrom: "2026-01-01", previous: VERSION.code };
    // Mapping from 2025-07: a new province is not a leaf of it.
    const failing = withEdge(reform, reform.merges.data[0].level1_id);
    await expect(importHierarchyVersion(db, next, parseReform(failing))).rejects.toThrow(/units beneath them in 2025-07/);
    expect(await db.prisma.area.count({ where: { hierarchyCode: next.code } })).toBe(0);
    expect(await snapshot()).toEqual(before);
  });
});
