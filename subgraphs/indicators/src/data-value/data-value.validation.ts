// The rules a submitted batch must meet, free of I/O: every bad row is reported with its index
// and reason, and the batch is accepted only when there is none.
import {
  type AreaLevel,
  collectionLevelIn,
  type DataValueSex,
  type DataValueStatus,
  type RowConflict,
  type Sex,
  type ValueType,
  periodProblem,
} from "@vnge/shared";

export const MAX_BATCH_SIZE = 50_000;
export const MAX_COMMENT_LENGTH = 1_000;
/**
 * The largest count accepted: far above any count of people or events in the country, so a value above it is
 * a typing error; and every sum of such counts stays exact.
 */
export const MAX_COUNT = 1_000_000_000_000;
/** The largest magnitude of a NUMBER value: within the 15 significant digits a double keeps exactly. */
export const MAX_NUMBER_MAGNITUDE = 1e15;

export interface SubmittedValue {
  dataElementCode: string;
  areaCode: string;
  period: string;
  sex?: Sex | null;
  value: number;
  comment?: string | null;
  status?: DataValueStatus | null;
}

export interface ElementRule {
  code: string;
  valueType: ValueType;
  disaggregatedBySex: boolean;
  collectionLevel: AreaLevel;
  /** For a DISTRICT element: where it is collected in a version without districts (decision 0098). */
  collectionLevelWithoutDistricts?: AreaLevel | null;
  /** The largest value the element accepts, when lower than its value type's bound (e.g. 100 for a percentage). */
  maxValue?: number | null;
}

/** Why a value is out of its element's bounds, or null when it is within them. */
function boundProblem(element: ElementRule, value: number): string | null {
  const own = element.maxValue ?? null;
  if (element.valueType === "COUNT") {
    if (!Number.isInteger(value) || value < 0) return `${element.code} is a count: value must be a whole number >= 0, got ${value}`;
    const max = own === null ? MAX_COUNT : Math.min(own, MAX_COUNT);
    if (value > max) return `${element.code} accepts at most ${max.toLocaleString("en")}, got ${value.toLocaleString("en")}: check the figure`;
    return null;
  }
  if (Math.abs(value) > MAX_NUMBER_MAGNITUDE)
    return `value must be between -${MAX_NUMBER_MAGNITUDE.toLocaleString("en")} and ${MAX_NUMBER_MAGNITUDE.toLocaleString("en")}, got ${value}`;
  if (own !== null && value > own) return `${element.code} accepts at most ${own.toLocaleString("en")}, got ${value.toLocaleString("en")}: check the figure`;
  return null;
}

/** A row ready to store: sex NONE for an element not disaggregated by sex. */
export interface ValidValue {
  dataElementCode: string;
  areaCode: string;
  /** The hierarchy version the area was found in: the one the period's data belong to. */
  hierarchy: string;
  period: string;
  sex: DataValueSex;
  value: number;
  comment: string | null;
  status: DataValueStatus;
}

export type Conflict = RowConflict;

export interface ValidationResult {
  valid: ValidValue[];
  conflicts: Conflict[];
  rejected: number;
}

export const valueKey = (v: { dataElementCode: string; areaCode: string; period: string; sex: string }) =>
  `${v.dataElementCode}\u0000${v.areaCode}\u0000${v.period}\u0000${v.sex}`;

/** Where a submitted area sits in the version its period's data belong to. */
export type AreaPlace = { hierarchy: string; level: AreaLevel; hasDistricts?: boolean } | { problem: string };

/**
 * `areaFor` answers for a row with a valid period: the area's version and level, or why the area
 * cannot take values of that period (unknown, or an area of another version).
 */
export function validateDataValues(
  rows: readonly SubmittedValue[],
  elements: ReadonlyMap<string, ElementRule>,
  areaFor: (areaCode: string, period: string) => AreaPlace,
  /** How a message names another row: by its index in a batch, by its line in a file. */
  rowName: (index: number) => string = (index) => `row ${index}`,
): ValidationResult {
  const conflicts: Conflict[] = [];
  const valid: ValidValue[] = [];
  const firstIndexOfKey = new Map<string, number>();
  const rejectedRows = new Set<number>();
  const refuse = (index: number, field: string | null, message: string) => {
    conflicts.push({ index, field, message });
    rejectedRows.add(index);
  };

  // A batch names a handful of periods: each is checked once.
  const periodProblems = new Map<string, string | null>();
  const problemOf = (period: string) => {
    let problem = periodProblems.get(period);
    if (problem === undefined) {
      problem = periodProblem(period);
      periodProblems.set(period, problem);
    }
    return problem;
  };

  rows.forEach((row, index) => {
    const before = conflicts.length;
    const element = elements.get(row.dataElementCode);
    if (!element) refuse(index, "dataElementCode", `unknown data element "${row.dataElementCode}"`);

    const badPeriod = problemOf(row.period);
    const place = badPeriod ? null : areaFor(row.areaCode, row.period);
    if (place && "problem" in place) refuse(index, "areaCode", place.problem);
    else if (place && element) {
      // The level in the value's version: a district element is collected elsewhere where there are no districts.
      const level = collectionLevelIn(element.collectionLevel, element.collectionLevelWithoutDistricts, place);
      if (place.level !== level) {
        const where = level === element.collectionLevel ? "" : ` in hierarchy ${place.hierarchy}, which has no districts`;
        refuse(index, "areaCode", `${element.code} is collected at ${level} level${where}; area ${row.areaCode} is a ${place.level}`);
      }
    }
    if (badPeriod) refuse(index, "period", badPeriod);

    const outOfBounds = !Number.isFinite(row.value) ? `value must be a finite number, got ${row.value}` : element ? boundProblem(element, row.value) : null;
    if (outOfBounds) refuse(index, "value", outOfBounds);

    const sex = row.sex ?? null;
    if (element?.disaggregatedBySex && sex === null) refuse(index, "sex", `${element.code} is disaggregated by sex: sex must be MALE or FEMALE`);
    if (element && !element.disaggregatedBySex && sex !== null) refuse(index, "sex", `${element.code} is not disaggregated by sex: leave sex empty`);

    const comment = row.comment ?? null;
    if (comment !== null && comment.length > MAX_COMMENT_LENGTH) refuse(index, "comment", `comment must be at most ${MAX_COMMENT_LENGTH} characters`);
    // PostgreSQL text cannot hold U+0000.
    else if (comment?.includes("\u0000"))
      refuse(index, "comment", `comment must not contain the NUL character (U+0000, at position ${comment.indexOf("\u0000") + 1})`);

    if (conflicts.length > before || !place || "problem" in place) return;
    const value: ValidValue = {
      dataElementCode: row.dataElementCode,
      areaCode: row.areaCode,
      hierarchy: place.hierarchy,
      period: row.period,
      sex: sex ?? "NONE",
      value: row.value,
      comment,
      status: row.status ?? "FINAL",
    };
    const key = valueKey(value);
    const first = firstIndexOfKey.get(key);
    if (first !== undefined) {
      refuse(index, null, `duplicate of ${rowName(first)}: the same data element, area, period and sex appear twice in the batch`);
      return;
    }
    firstIndexOfKey.set(key, index);
    valid.push(value);
  });
  return { valid, conflicts, rejected: rejectedRows.size };
}

/** A value as stored: the shape of one ready to store, without the version (implied by the period). */
export type StoredValue = Omit<ValidValue, "hierarchy">;

/** What writing `rows` would do, given the values already stored under the same keys. */
export function classifyAgainstStored(rows: readonly ValidValue[], stored: readonly StoredValue[]): { imported: number; updated: number; unchanged: number } {
  const byKey = new Map(stored.map((s) => [valueKey(s), s]));
  let imported = 0;
  let updated = 0;
  for (const row of rows) {
    const existing = byKey.get(valueKey(row));
    if (!existing) imported++;
    else if (existing.value !== row.value || existing.status !== row.status || existing.comment !== row.comment) updated++;
  }
  return { imported, updated, unchanged: rows.length - imported - updated };
}
