import { type Equation, suppressedCells } from "../suppression";

const cells = (entries: Record<string, number>) => new Map(Object.entries(entries));

/** The invariant complementary suppression must give: no equation leaves a single hidden member to subtract out. */
function recoverableBySubtraction(equations: readonly Equation[], hidden: ReadonlySet<string>): Equation[] {
  return equations.filter((e) => [e.total, ...e.parts].filter((c) => hidden.has(c)).length === 1);
}

describe("suppressedCells", () => {
  it("hides counts from 1 to threshold - 1 and leaves zeros and larger counts", () => {
    const values = cells({ a: 0, b: 1, c: 4, d: 5, e: 40 });
    expect([...suppressedCells(values, [], 5)].sort()).toEqual(["b", "c"]);
    expect([...suppressedCells(values, [], 2)].sort()).toEqual(["b"]);
  });

  it("hides the smallest other non-zero part when one part would be recovered from a published total", () => {
    const values = cells({ total: 20, male: 3, female: 17 });
    const hidden = suppressedCells(values, [{ total: "total", parts: ["male", "female"] }], 5);
    expect([...hidden].sort()).toEqual(["female", "male"]);
  });

  it("picks the smallest non-zero complement, never a zero when a non-zero part exists", () => {
    const values = cells({ total: 30, a: 2, b: 0, c: 8, d: 20 });
    const hidden = suppressedCells(values, [{ total: "total", parts: ["a", "b", "c", "d"] }], 5);
    expect([...hidden].sort()).toEqual(["a", "c"]);
  });

  it("hides a part when a suppressed total could be recovered from all published parts", () => {
    const values = cells({ small: 3, total: 12, x: 6, y: 6 });
    // `total` is hidden because of another equation; here its parts would give it back.
    const equations = [
      { total: "total", parts: ["x", "y"] },
      { total: "big", parts: ["total", "small"] },
    ];
    values.set("big", 15);
    const hidden = suppressedCells(values, equations, 5);
    expect(hidden.has("small")).toBe(true);
    expect(hidden.has("total")).toBe(true);
    expect(hidden.has("x") || hidden.has("y")).toBe(true);
    expect(recoverableBySubtraction(equations, hidden)).toEqual([]);
  });

  it("hides nothing more when every count is at or above the threshold", () => {
    const values = cells({ total: 10, a: 5, b: 5 });
    expect(suppressedCells(values, [{ total: "total", parts: ["a", "b"] }], 5).size).toBe(0);
  });
});
