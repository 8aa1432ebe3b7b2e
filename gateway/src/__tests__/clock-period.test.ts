// The clock period in cache keys changes at every instant at which an answer computed from "now" can
// change: just after each reporting deadline, and at the day a hierarchy version comes into force.
import { HierarchyTimeline } from "@vnge/shared";
import { DATA_SETS } from "../../../subgraphs/indicators/src/data-set/data-set.data";
import { deadlineInstant } from "../../../subgraphs/indicators/src/reporting/reporting-status.service";
import { clockPeriod } from "../response-cache/clock-period";

const at = (ms: number) => new Date(ms);

describe("clock period", () => {
  it("turns just after every reporting deadline, for the seeded rules and any day of the year", () => {
    const rules = [
      ...DATA_SETS.flatMap((set) => set.deadlines.map((d) => ({ month: d.month, day: d.day, yearOffset: d.yearOffset ?? 0 }))),
      ...Array.from({ length: 12 }, (_, m) => [1, 15, 28].map((day) => ({ month: m + 1, day, yearOffset: 0 }))).flat(),
    ];
    for (const year of [2024, 2025, 2030]) {
      for (const rule of rules) {
        const deadline = deadlineInstant(year, rule).getTime();
        // at the deadline a missing report is still pending, one millisecond later it is missing
        expect(clockPeriod(at(deadline - 3_600_000))).toBe(clockPeriod(at(deadline)));
        expect(clockPeriod(at(deadline + 1))).not.toBe(clockPeriod(at(deadline)));
        expect(clockPeriod(at(deadline + 1))).toBe(clockPeriod(at(deadline + 3_600_000)));
      }
    }
  });

  it("turns when the hierarchy version in force changes", () => {
    const timeline = new HierarchyTimeline([
      { code: "2025-03", name: "before", validFrom: null },
      { code: "2025-07", name: "after", validFrom: "2025-07-01" },
    ]);
    const before = at(Date.parse("2025-07-01T00:00:00Z") - 1);
    const after = at(Date.parse("2025-07-01T00:00:00Z"));
    expect(timeline.current(before).code).not.toBe(timeline.current(after).code);
    expect(clockPeriod(before)).not.toBe(clockPeriod(after));
  });

  it("holds between those instants", () => {
    expect(clockPeriod(at(Date.parse("2024-12-05T00:00:00Z")))).toBe(clockPeriod(at(Date.parse("2024-12-05T16:59:59Z"))));
    expect(clockPeriod(at(Date.parse("2024-12-05T17:00:01Z")))).toBe(clockPeriod(at(Date.parse("2024-12-05T23:59:59Z"))));
  });
});
