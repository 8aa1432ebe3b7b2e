import { parseReform } from "../../area-import/reform";
import { parseUnitList } from "../../area-import/unit-list";
import { generateReform, generateUnitList } from "../generated-units";

function count<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

describe("generated unit list", () => {
  const units = generateUnitList();

  it("is national-sized, with official code lengths, and reads as a GSO list", () => {
    const rows = parseUnitList(units);
    const levels = count(rows, (row) => row.level);
    expect(levels.PROVINCE).toBe(63);
    expect(levels.DISTRICT).toBeGreaterThan(650);
    expect(levels.DISTRICT).toBeLessThan(750);
    expect(levels.COMMUNE).toBeGreaterThan(10_000);
    expect(levels.COMMUNE).toBeLessThan(11_500);
    expect(units.flatMap((p) => p.District).filter((d) => d.Ward === null)).toHaveLength(5);
  });

  it("is the same list for the same seed and another for another seed", () => {
    expect(generateUnitList()).toEqual(units);
    expect(generateUnitList({ seed: 1 })).not.toEqual(units);
  });
});

describe("generated reform", () => {
  const units = generateUnitList();
  const reform = generateReform(units, { unknownCodes: ["99991"] });
  const parsed = parseReform(reform);

  it("merges 63 provinces into 34 and the communes into about a third as many, checked against its own splits file", () => {
    const levels = count(parsed.areas, (area) => area.level);
    expect(levels.PROVINCE).toBe(34);
    expect(levels.COMMUNE).toBeGreaterThan(2_500);
    expect(levels.COMMUNE).toBeLessThan(5_000);
    // Every old province is merged whole into one new province.
    expect(new Set(parsed.provinceEdges.map((e) => e.fromCode)).size).toBe(63);
    expect(parsed.provinceEdges.every((e) => e.kind === "FULL")).toBe(true);
  });

  it("maps every old commune and island district, splits some (a few across a new province's border) and names unknown codes", () => {
    const leaves = units.flatMap((p) => p.District.flatMap((d) => (d.Ward === null ? [d.Code] : d.Ward.map((w) => w.Code))));
    const mapped = new Set(parsed.leafEdges.map((e) => e.fromCode));
    expect(leaves.every((code) => mapped.has(code))).toBe(true);
    expect([...mapped].filter((code) => !leaves.includes(code))).toEqual(["99991"]);
    const provinceOf = new Map(parsed.areas.map((a) => [a.code, a.parentCode]));
    const targets = new Map<string, string[]>();
    for (const e of parsed.leafEdges) targets.set(e.fromCode, [...(targets.get(e.fromCode) ?? []), e.toCode]);
    const split = [...targets.values()].filter((to) => to.length > 1);
    expect(split.length).toBeGreaterThan(100);
    const acrossBorder = split.filter((to) => new Set(to.map((code) => provinceOf.get(code))).size > 1);
    expect(acrossBorder.length).toBeGreaterThan(0);
    expect(acrossBorder.length).toBeLessThan(split.length);
  });
});
