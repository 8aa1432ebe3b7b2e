// Which months a reporting period covers, for subgraphs that keep dated records and answer
// questions by period in the indicator engine's formats (docs/decisions/0010): "2023", "2023S2", "2023Q4", "202311".

import { parsePeriod, periodMonthRange, periodProblem } from "./period";

const monthId = (year: number, month: number) => `${year}${String(month).padStart(2, "0")}`;

/** The YYYYMM months of the period in order, or null when it is not a year, quarter or month within 1900-2100. */
export function periodMonths(period: string): string[] | null {
  const parsed = parsePeriod(period);
  if (!parsed) return null;
  if (parsed.type === "MONTHLY") return [period];
  const { first, last } = periodMonthRange(parsed);
  return Array.from({ length: last - first + 1 }, (_, i) => monthId(parsed.year, first + i));
}

/** Same rule and message as the indicator engine's periods. */
export const periodMonthsProblem = periodProblem;

/** The YYYYMM month of an ISO date (YYYY-MM-DD). */
export function monthOfDate(isoDate: string): string {
  return isoDate.slice(0, 4) + isoDate.slice(5, 7);
}
