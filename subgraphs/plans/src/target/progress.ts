// How a target stands, free of I/O (docs/decisions/0021-target-progress.md). A target is assessed at a
// year: its own year (the final assessment), or an earlier year of a multi-year target, against the
// path interpolated in a straight line from the baseline.

export const TargetComparison = { AT_LEAST: "AT_LEAST", AT_MOST: "AT_MOST", MAINTAIN: "MAINTAIN", EXACT: "EXACT" } as const;
export type TargetComparison = (typeof TargetComparison)[keyof typeof TargetComparison];

export const ProgressStatus = {
  ACHIEVED: "ACHIEVED",
  ON_TRACK: "ON_TRACK",
  AT_RISK: "AT_RISK",
  OFF_TRACK: "OFF_TRACK",
  NO_DATA: "NO_DATA",
} as const;
export type ProgressStatus = (typeof ProgressStatus)[keyof typeof ProgressStatus];

/** A shortfall up to this share of the target value (or of the expected value on the path) is AT_RISK; beyond it OFF_TRACK. */
export const AT_RISK_BAND = 0.1;
/** EXACT targets are met within this share of the target value. */
export const EXACT_TOLERANCE = 0.01;

export interface ProgressTarget {
  comparison: TargetComparison;
  targetValue: number;
  /** Year of the target. */
  year: number;
  baselineValue: number | null;
  baselineYear: number | null;
}

export interface Progress {
  status: ProgressStatus;
  /** The actual value the status was judged on (the target's sex, or the total). */
  value: number | null;
  /** What the value should be by the assessed year: the target, or the point on the path from the baseline. */
  expected: number;
  /** value - targetValue (negative: below the target). */
  gap: number | null;
  /** value - expected. */
  gapToExpected: number | null;
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** True when `value` meets `goal` under the comparison. MAINTAIN keeps the value at or above the goal. */
export function meets(comparison: TargetComparison, value: number, goal: number): boolean {
  switch (comparison) {
    case "AT_LEAST":
    case "MAINTAIN":
      return value >= goal;
    case "AT_MOST":
      return value <= goal;
    case "EXACT":
      return Math.abs(value - goal) <= Math.abs(goal) * EXACT_TOLERANCE;
  }
}

/** How far `value` falls short of `goal`, as a share of |goal| (0 when it meets it). */
function shortfall(comparison: TargetComparison, value: number, goal: number): number {
  if (meets(comparison, value, goal)) return 0;
  const distance = Math.abs(value - goal);
  return goal === 0 ? Infinity : distance / Math.abs(goal);
}

/** The point on the straight line from the baseline to the target at `year`. */
export function expectedAt(target: ProgressTarget, year: number): number {
  if (year >= target.year || target.baselineValue === null || target.baselineYear === null || target.baselineYear >= target.year) {
    return target.targetValue;
  }
  const share = Math.max(0, year - target.baselineYear) / (target.year - target.baselineYear);
  return round(target.baselineValue + (target.targetValue - target.baselineValue) * share);
}

export function assessProgress(target: ProgressTarget, value: number | null, assessedYear: number): Progress {
  const expected = expectedAt(target, assessedYear);
  if (value === null) return { status: "NO_DATA", value: null, expected, gap: null, gapToExpected: null };
  const gaps = { value, expected, gap: round(value - target.targetValue), gapToExpected: round(value - expected) };
  if (meets(target.comparison, value, target.targetValue)) return { status: "ACHIEVED", ...gaps };
  const interim = assessedYear < target.year;
  if (interim && meets(target.comparison, value, expected)) return { status: "ON_TRACK", ...gaps };
  const status = shortfall(target.comparison, value, expected) <= AT_RISK_BAND ? "AT_RISK" : "OFF_TRACK";
  return { status, ...gaps };
}

export interface SexValues {
  total: number | null;
  male: number | null;
  female: number | null;
}

/** The value a target is judged on: its sex's value, or the total for a target about everyone. */
export function valueForSex(actual: SexValues | null | undefined, sex: "MALE" | "FEMALE" | null): number | null {
  if (!actual) return null;
  const value = sex === "MALE" ? actual.male : sex === "FEMALE" ? actual.female : actual.total;
  return value ?? null;
}
