// Which months a reporting period covers, for subgraphs that keep dated records and answer
// questions by period in the indicator engine's formats (docs/decisions/0010): "2023", "2023Q4", "202311".

const PATTERN = /^(\d{4})(?:Q([1-4])|(0[1-9]|1[0-2]))?$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const monthId = (year: number, month: number) => `${year}${String(month).padStart(2, "0")}`;

/** The YYYYMM months of the period in order, or null when it is not a year, quarter or month within 1900-2100. */
export function periodMonths(period: string): string[] | null {
  const match = PATTERN.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (match[3]) return [period];
  const first = match[2] ? (Number(match[2]) - 1) * 3 + 1 : 1;
  const count = match[2] ? 3 : 12;
  return Array.from({ length: count }, (_, i) => monthId(year, first + i));
}

export function periodMonthsProblem(period: string): string | null {
  if (periodMonths(period)) return null;
  return `period "${period}" must be a year (2023), a quarter (2023Q1) or a month (202301) between ${MIN_YEAR} and ${MAX_YEAR}`;
}

/** The YYYYMM month of an ISO date (YYYY-MM-DD). */
export function monthOfDate(isoDate: string): string {
  return isoDate.slice(0, 4) + isoDate.slice(5, 7);
}
