import { HierarchyTimeline } from "../../areas/hierarchy-timeline";
import { scopeAnchors } from "../scope-anchors";

const timeline = new HierarchyTimeline([
  { code: "2025-07", name: "after", validFrom: "2025-07-01" },
  { code: "2025-03", name: "before", validFrom: null },
]);
// "08" is a province in both versions, "02" only before the reform, "11948" only after it.
const versionsOf = new Map([
  ["08", ["2025-03", "2025-07"]],
  ["02", ["2025-03"]],
  ["11948", ["2025-07"]],
]);

describe("scopeAnchors", () => {
  it("reads a code in the version in force today, and an abolished code in the newest version that had it", () => {
    expect(scopeAnchors(["08", "02", "11948"], versionsOf, timeline, new Date("2026-01-01T00:00:00Z"))).toEqual([
      { code: "08", hierarchy: "2025-07" },
      { code: "02", hierarchy: "2025-03" },
      { code: "11948", hierarchy: "2025-07" },
    ]);
  });

  it("follows the day: before the reform comes into force a reused code names the old unit", () => {
    expect(scopeAnchors(["08", "11948"], versionsOf, timeline, new Date("2025-06-30T12:00:00Z"))).toEqual([
      { code: "08", hierarchy: "2025-03" },
      { code: "11948", hierarchy: "2025-07" },
    ]);
  });

  it("drops codes that are no area of any version", () => {
    expect(scopeAnchors(["99", "02", "02"], versionsOf, timeline)).toEqual([{ code: "02", hierarchy: "2025-03" }]);
  });
});
