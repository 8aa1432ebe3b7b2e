// The unit column of a target table as written in the appendices ("%", "Tỷ số", "Lần", "Người"), read against the
// indicator's unit: a row whose unit contradicts its indicator's is about another figure.
const WRITTEN: Record<string, readonly string[]> = {
  "%": ["PERCENT"],
  "tỷ lệ": ["PERCENT"],
  // "a ratio": boys per 100 girls, per 100,000, or a plain ratio
  "tỷ số": ["BOYS_PER_100_GIRLS", "PER_100000", "TIMES"],
  lần: ["TIMES"],
  người: ["COUNT"],
  số: ["COUNT"],
  "có/không": ["YES_NO"],
};

/** The units a written unit can be, or null when the text says nothing the catalogue knows (blank included). */
export function unitsWritten(text: string): readonly string[] | null {
  return WRITTEN[text.trim().toLowerCase()] ?? null;
}

/** Why the row's unit contradicts the indicator's, or null when it agrees or says nothing. */
export function unitProblem(text: string, indicatorUnit: string): string | null {
  const units = unitsWritten(text);
  if (!units || units.includes(indicatorUnit)) return null;
  return `the row's unit "${text.trim()}" is not the indicator's (${indicatorUnit})`;
}
