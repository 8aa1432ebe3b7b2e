// DHIS2 period identifiers to this system's periods. The four types both systems share are written the
// same way (2024, 2024S1, 2024Q1, 202401); every other DHIS2 type is named in the refusal, so a ministry
// knows to aggregate it to one of those before sending.
import { parsePeriod, periodProblem } from "@vnge/shared";

/** DHIS2 period types this system does not keep, by the shape of their identifiers. */
const UNSUPPORTED: readonly { pattern: RegExp; type: string }[] = [
  { pattern: /^\d{8}$/, type: "daily" },
  { pattern: /^\d{4}BiW\d{1,2}$/, type: "bi-weekly" },
  { pattern: /^\d{4}(Wed|Thu|Sat|Sun)?W\d{1,2}$/, type: "weekly" },
  { pattern: /^\d{6}B$/, type: "bi-monthly" },
  { pattern: /^\d{4}(April|Nov)S[12]$/, type: "six-monthly (April or November start)" },
  { pattern: /^\d{4}(April|July|Oct|Nov)$/, type: "financial-year" },
];

/** The period id, or why a DHIS2 period cannot be stored here. */
export function periodFromDhis2(raw: string): { period: string } | { problem: string } {
  const text = raw.trim();
  if (text === "") return { problem: "period is missing (on the value or the data value set)" };
  if (parsePeriod(text)) return { period: text };
  const unsupported = UNSUPPORTED.find((u) => u.pattern.test(text));
  if (unsupported) {
    return {
      problem: `DHIS2 period "${text}" is ${unsupported.type}: only yearly (2024), six-monthly (2024S1), quarterly (2024Q1) and monthly (202401) periods are kept here`,
    };
  }
  return { problem: periodProblem(text) ?? `period "${text}" is not a period` };
}
