import { HierarchyTimeline } from "@vnge/shared";
import { yearStretches } from "../case-year";

const timeline = new HierarchyTimeline([
  { code: "2025-03", name: "before", validFrom: null },
  { code: "2025-07", name: "after", validFrom: "2025-07-01" },
]);

describe("yearStretches", () => {
  it("cuts a year that straddles a reform at the day the new version comes into force; the year belongs to the last", () => {
    expect(yearStretches(timeline, 2025)).toEqual({
      stretches: [
        { version: "2025-03", from: "2025-01-01", to: "2025-07-01" },
        { version: "2025-07", from: "2025-07-01", to: "2026-01-01" },
      ],
      chain: ["2025-03", "2025-07"],
    });
  });

  it("keeps a year before or after the reform whole, on its own version", () => {
    expect(yearStretches(timeline, 2024).stretches).toEqual([{ version: "2025-03", from: "2024-01-01", to: "2025-01-01" }]);
    expect(yearStretches(timeline, 2026).stretches).toEqual([{ version: "2025-07", from: "2026-01-01", to: "2027-01-01" }]);
  });

  it("chains every version in force during the year, a reform on 1 January included", () => {
    const three = new HierarchyTimeline([...timeline.versions, { code: "2027-01", name: "later", validFrom: "2027-01-01" }]);
    expect(yearStretches(three, 2027).chain).toEqual(["2027-01"]);
    expect(yearStretches(three, 2026).chain).toEqual(["2025-07"]);
  });
});
