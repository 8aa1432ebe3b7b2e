import { type TreeArea, buildCrosswalk, evenShares, isApportioned } from "../crosswalk";

// Before: VN > P1 > D1 > {c1, c2}, D2 > {c3}; P2 > D3 > {c4}; island district D4 (no communes) under P2.
const before: TreeArea[] = [
  { code: "VN", level: "NATION", parentCode: null },
  { code: "P1", level: "PROVINCE", parentCode: "VN" },
  { code: "P2", level: "PROVINCE", parentCode: "VN" },
  { code: "D1", level: "DISTRICT", parentCode: "P1" },
  { code: "D2", level: "DISTRICT", parentCode: "P1" },
  { code: "D3", level: "DISTRICT", parentCode: "P2" },
  { code: "D4", level: "DISTRICT", parentCode: "P2" },
  { code: "c1", level: "COMMUNE", parentCode: "D1" },
  { code: "c2", level: "COMMUNE", parentCode: "D1" },
  { code: "c3", level: "COMMUNE", parentCode: "D2" },
  { code: "c4", level: "COMMUNE", parentCode: "D3" },
];
// After: VN > Q1 > {n1, n2}; Q2 > {n3, n4}.
const after: TreeArea[] = [
  { code: "VN", level: "NATION", parentCode: null },
  { code: "Q1", level: "PROVINCE", parentCode: "VN" },
  { code: "Q2", level: "PROVINCE", parentCode: "VN" },
  { code: "n1", level: "COMMUNE", parentCode: "Q1" },
  { code: "n2", level: "COMMUNE", parentCode: "Q1" },
  { code: "n3", level: "COMMUNE", parentCode: "Q2" },
  { code: "n4", level: "COMMUNE", parentCode: "Q2" },
];
const edges = [
  { fromCode: "c1", toCode: "n1" }, // full merge: c1 and c2 into n1
  { fromCode: "c2", toCode: "n1" },
  { fromCode: "c3", toCode: "n1" }, // split within Q1
  { fromCode: "c3", toCode: "n2" },
  { fromCode: "c4", toCode: "n2" }, // split across provinces
  { fromCode: "c4", toCode: "n3" },
  { fromCode: "D4", toCode: "n4" }, // a district without communes becomes a commune
];

const table = (rows: ReturnType<typeof buildCrosswalk>) => new Map(rows.map((row) => [`${row.fromCode}>${row.toCode}`, row.weight]));

describe("buildCrosswalk", () => {
  const forward = table(buildCrosswalk(evenShares(edges), before, after));

  it("carries a full merge whole and splits a partial unit evenly", () => {
    expect(forward.get("c1>n1")).toBe(1);
    expect(forward.get("c2>n1")).toBe(1);
    expect(forward.get("c3>n1")).toBe(0.5);
    expect(forward.get("c3>n2")).toBe(0.5);
    expect(forward.get("D4>n4")).toBe(1);
  });

  it("is whole at an area that holds every piece of a split, and apportioned where the pieces part", () => {
    expect(forward.get("c3>Q1")).toBe(1);
    expect(forward.get("c4>Q1")).toBe(0.5);
    expect(forward.get("c4>Q2")).toBe(0.5);
    expect(isApportioned(forward.get("c3>Q1")!)).toBe(false);
    expect(isApportioned(forward.get("c4>Q2")!)).toBe(true);
  });

  it("gives the nation everything from every area", () => {
    for (const area of before) expect(forward.get(`${area.code}>VN`)).toBe(1);
  });

  it("averages over the leaves beneath an area above the leaves", () => {
    expect(forward.get("D1>n1")).toBe(1);
    expect(forward.get("P1>Q1")).toBe(1);
    expect(forward.get("P2>Q2")).toBe(0.75); // c4 half, D4 whole: (0.5 + 1) / 2
    expect(forward.get("P2>Q1")).toBe(0.25);
  });

  it("keeps every source's total: its shares over the areas of one level add up to 1", () => {
    for (const source of before.map((area) => area.code)) {
      for (const level of ["PROVINCE", "COMMUNE"] as const) {
        const sum = after.filter((a) => a.level === level).reduce((total, a) => total + (forward.get(`${source}>${a.code}`) ?? 0), 0);
        expect(sum).toBeCloseTo(1, 12);
      }
    }
  });

  it("works backwards from the same edges: a merged unit is apportioned to its parts", () => {
    const backward = table(buildCrosswalk(evenShares(edges.map((e) => ({ fromCode: e.toCode, toCode: e.fromCode }))), after, before));
    expect(backward.get("n1>c1")).toBeCloseTo(1 / 3, 12);
    expect(backward.get("n1>D1")).toBeCloseTo(2 / 3, 12);
    expect(backward.get("n1>P1")).toBe(1);
    expect(backward.get("n3>c4")).toBe(1);
    expect(backward.get("n2>P2")).toBe(0.5);
    for (const area of after) expect(backward.get(`${area.code}>VN`)).toBe(1);
  });
});
