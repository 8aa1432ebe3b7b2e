// Periods in the DHIS2 style: "2023" (a year), "2023S2" (a half-year), "2023Q1" (a quarter), "202301" (a month).
// A value is stored under the period it was reported for; a rollup asks for that same format.

export type PeriodType = "YEARLY" | "SIX_MONTHLY" | "QUARTERLY" | "MONTHLY";

export interface Period {
  id: string;
  type: PeriodType;
  year: number;
  /** Half 1-2, quarter 1-4 or month 1-12; absent for a year. */
  index?: number;
}

export const MIN_PERIOD_YEAR = 1900;
export const MAX_PERIOD_YEAR = 2100;

const PATTERN = /^(\d{4})(?:Q([1-4])|(0[1-9]|1[0-2])|S([12]))?$/;

/** The period, or null when `id` is not exactly one of the three formats within 1900-2100. */
export function parsePeriod(id: string): Period | null {
  const match = PATTERN.exec(id);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR) return null;
  if (match[2]) return { id, type: "QUARTERLY", year, index: Number(match[2]) };
  if (match[3]) return { id, type: "MONTHLY", year, index: Number(match[3]) };
  if (match[4]) return { id, type: "SIX_MONTHLY", year, index: Number(match[4]) };
  return { id, type: "YEARLY", year };
}

export function periodProblem(id: string): string | null {
  if (parsePeriod(id)) return null;
  return `period "${id}" must be a year (2023), a half-year (2023S2), a quarter (2023Q1) or a month (202301) between ${MIN_PERIOD_YEAR} and ${MAX_PERIOD_YEAR}`;
}

const MONTHS_PER_TYPE: Record<PeriodType, number> = { YEARLY: 12, SIX_MONTHLY: 6, QUARTERLY: 3, MONTHLY: 1 };

/** First and last month (1-12) of a parsed period. */
export function periodMonthRange(period: Period): { first: number; last: number } {
  const length = MONTHS_PER_TYPE[period.type];
  const first = ((period.index ?? 1) - 1) * length + 1;
  return { first, last: first + length - 1 };
}

/** The period's last day as YYYY-MM-DD (the day that decides which hierarchy version its data belong to). */
export function periodEndDate(period: Period): string {
  const { last } = periodMonthRange(period);
  const day = new Date(Date.UTC(period.year, last, 0)).getUTCDate();
  return `${period.year}-${String(last).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
