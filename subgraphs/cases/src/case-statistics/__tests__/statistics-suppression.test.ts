import type { AreaPlacement } from "@vnge/shared";
import { buildStatisticsTable, cellKey, cellName, TOTAL, type Categories } from "../statistics-table";
import { type Equation, suppressedCells } from "@vnge/shared";

/** The invariant complementary suppression must give: no equation leaves a single hidden member to subtract out. */
function recoverableBySubtraction(equations: readonly Equation[], hidden: ReadonlySet<string>): Equation[] {
  return equations.filter((e) => [e.total, ...e.parts].filter((c) => hidden.has(c)).length === 1);
}

describe("suppression over the area tree", () => {
  const categories: Categories = { sex: ["MALE", "FEMALE"], ageGroup: ["YOUNG", "OLD"], form: ["PHYSICAL", "SEXUAL"], service: ["SHELTER"] };
  const place = (
    code: string,
    parentCode: string | null,
    districtCode: string | null,
    provinceCode: string | null,
    level: AreaPlacement["level"],
  ): AreaPlacement => ({
    code,
    level,
    parentCode,
    districtCode,
    provinceCode,
  });
  const places = new Map<string, AreaPlacement>([
    ["38", place("38", "VN", null, "38", "PROVINCE")],
    ["381", place("381", "38", "381", "38", "DISTRICT")],
    ["14809", place("14809", "381", "381", "38", "COMMUNE")],
    ["14812", place("14812", "381", "381", "38", "COMMUNE")],
    ["14815", place("14815", "381", "381", "38", "COMMUNE")],
  ]);
  const commune = (areaCode: string, counts: Record<string, number>) => ({ areaCode, counts: new Map(Object.entries(counts)) });

  it("keeps a commune with 3 cases hidden however the district's and the other communes' counts are combined", () => {
    const table = buildStatisticsTable(
      [
        commune("14809", { [TOTAL]: 3, "sex:FEMALE": 3, "ageGroup:YOUNG": 3, "form:PHYSICAL": 3 }),
        commune("14812", { [TOTAL]: 9, "sex:FEMALE": 6, "sex:MALE": 3, "ageGroup:OLD": 9, "form:PHYSICAL": 9, "service:SHELTER": 6 }),
        commune("14815", { [TOTAL]: 12, "sex:FEMALE": 12, "ageGroup:OLD": 12, "form:SEXUAL": 12, "service:SHELTER": 12 }),
      ],
      places,
      categories,
    );
    expect(table.values.get(cellName("381", TOTAL))).toBe(24);
    expect(table.values.get(cellName("VN", cellKey("sex", "FEMALE")))).toBe(21);
    const hidden = suppressedCells(table.values, table.equations, 5);
    expect(hidden.has(cellName("14809", TOTAL))).toBe(true);
    // Published: the district total; so another commune's total must be hidden too.
    expect(hidden.has(cellName("381", TOTAL))).toBe(false);
    expect(hidden.has(cellName("14812", TOTAL))).toBe(true);
    expect(hidden.has(cellName("14815", TOTAL))).toBe(false);
    expect(recoverableBySubtraction(table.equations, hidden)).toEqual([]);
  });

  it("leaves no equation with a single hidden member on many generated tables", () => {
    let seed = 7;
    const random = (max: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % max;
    };
    for (let run = 0; run < 200; run++) {
      const communes = ["14809", "14812", "14815"].map((code) => {
        const male = random(8);
        const female = random(12);
        const young = random(male + female + 1);
        const physical = random(male + female + 1);
        return commune(code, {
          [TOTAL]: male + female,
          "sex:MALE": male,
          "sex:FEMALE": female,
          "ageGroup:YOUNG": young,
          "ageGroup:OLD": male + female - young,
          "form:PHYSICAL": physical,
          "form:SEXUAL": male + female - physical,
          "service:SHELTER": random(male + female + 1),
        });
      });
      const table = buildStatisticsTable(communes, places, categories);
      const hidden = suppressedCells(table.values, table.equations, 5);
      for (const [name, value] of table.values) if (value > 0 && value < 5) expect(hidden.has(name)).toBe(true);
      expect(recoverableBySubtraction(table.equations, hidden)).toEqual([]);
    }
  });
});
