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
  /** The target's area was merged away and its figures cannot be read apart: no status (decision 0099). */
  NOT_COMPARABLE: "NOT_COMPARABLE",
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

/** What the published mapping says became of a target's area in the version of the assessed year. */
export interface ReformMapping {
  /** The version of the target's plan, and that of the assessed year. */
  fromHierarchy: string;
  toHierarchy: string;
  /** Null when the mapping does not name the area (an abolished district: its communes are mapped). */
  mapping: { successors: { code: string; kind: "FULL" | "PARTIAL" }[]; mergedWith: string[] } | null;
}

/** A target judged across a reform: what it was judged against, and how sound that is. */
export interface AcrossReform {
  fromHierarchy: string;
  toHierarchy: string;
  successorCodes: string[];
  /** FULL when the whole area went into its successor(s), PARTIAL when it was split; null when unmapped. */
  mapping: "FULL" | "PARTIAL" | null;
  /** The other areas of the target's version that went into the same successor(s). */
  mergedWith: string[];
  /** The value judged came in part through shares of split or merged units, not from units wholly inside the area. */
  approximate: boolean;
  /** False when no sound mapping exists: the status is NOT_COMPARABLE. */
  comparable: boolean;
  note: string;
}

/**
 * How a target of an old version's area is judged at a year of a later version (decision 0099). The actual
 * value is the area's own, carried back through the crosswalk from the new units: exact where they lie wholly
 * inside it (a commune-level indicator of a merged province), approximate where shares came in. An approximate
 * value of an area that went whole into a successor together with other areas (a province merged into a
 * larger one) is only that successor's figure spread evenly back over its parts: there is no sound mapping, and
 * progress says so instead of a status. A split area (PARTIAL) is judged on its approximate value, flagged.
 */
export function acrossReform(crossing: ReformMapping, actualApproximate: boolean): AcrossReform {
  const { fromHierarchy, toHierarchy, mapping } = crossing;
  const successorCodes = mapping?.successors.map((s) => s.code) ?? [];
  const kind = !mapping ? null : mapping.successors.every((s) => s.kind === "FULL") ? "FULL" : "PARTIAL";
  const mergedWith = mapping?.mergedWith ?? [];
  const comparable = !actualApproximate || kind === "PARTIAL";
  const into = successorCodes.length > 0 ? successorCodes.join(", ") : "the units of the new version";
  let note: string;
  if (!comparable) {
    note =
      `the area went whole into ${into} of hierarchy ${toHierarchy}` +
      (mergedWith.length > 0 ? ` together with ${mergedWith.join(", ")}` : "") +
      `; its own figures are not kept apart from theirs, so the target cannot be judged`;
  } else if (actualApproximate) {
    note = `the area was split between ${into} of hierarchy ${toHierarchy}: judged on its value carried back through the even shares of the mapping`;
  } else if (kind === "FULL" && mergedWith.length === 0 && successorCodes.length === 1) {
    note = `the area continues as ${into} of hierarchy ${toHierarchy} with the same extent`;
  } else {
    note = `judged on the area's own extent: the units of hierarchy ${toHierarchy} that lie wholly inside it (successor ${into})`;
  }
  return { fromHierarchy, toHierarchy, successorCodes, mapping: kind, mergedWith, approximate: actualApproximate, comparable, note };
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
