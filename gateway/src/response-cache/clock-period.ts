// The part of a cache key that follows the clock (docs/decisions/0074-response-cache-clock-and-bounds.md).
// Answers computed from "now" change only at two kinds of instants: a UTC midnight (the hierarchy
// version in force and plans' due dates compare UTC calendar dates) and the end of a day in Vietnam
// (reporting deadlines are whole days there: 5 December ends at 17:00 UTC). The period changes at both,
// so a cached answer never outlives an instant that could change it.

/** Vietnam keeps UTC+7 all year. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function clockPeriod(now: Date = new Date()): string {
  // A deadline day includes its last instant (reported at 17:00:00.000 UTC is on time), so the
  // Vietnam day turns one millisecond later, when "after the deadline" first holds.
  return `${day(now.getTime())}|${day(now.getTime() + VIETNAM_OFFSET_MS - 1)}`;
}
