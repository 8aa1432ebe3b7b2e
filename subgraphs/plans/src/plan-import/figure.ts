// Reads the figures of Vietnamese plan tables: "44,5" (decimal comma), "100.000" (thousands dot),
// "90%", "108/102" (108 per 102), "< 86/100.000", "27*" (a footnote mark). Text such as
// "Chưa phát hiện" (none detected) is not a figure: the caller keeps it as a note and reports it.

export type FigureResult = { ok: true; value: number; bound?: "AT_MOST" | "AT_LEAST"; footnote: boolean } | { ok: false; reason: string };

/** Known phrases that stand where a figure would, with what they mean. */
const PHRASES: Record<string, string> = {
  "chưa phát hiện": "none detected",
};

/** A number written the Vietnamese way: comma for decimals, dot for thousands. */
export function parseVietnameseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!/^-?\d{1,3}(\.\d{3})+(,\d+)?$|^-?\d+(,\d+)?$/.test(trimmed)) return null;
  return Number(trimmed.replace(/\./g, "").replace(",", "."));
}

/**
 * The figure in a cell, in the indicator's unit: "a/b" is a per b, so it is scaled by the
 * indicator's factor (112/100 of a per-100 ratio is 112; 36/100.000 per 100,000 is 36).
 */
export function parseFigure(cell: string, factor: number): FigureResult {
  let text = cell.trim().replace(/\s+/g, " ");
  if (text === "") return { ok: false, reason: "empty" };
  const phrase = PHRASES[text.toLowerCase()];
  if (phrase) return { ok: false, reason: `"${text}" (${phrase}) is not a figure` };
  let footnote = false;
  if (text.endsWith("*")) {
    footnote = true;
    text = text.replace(/\*+$/, "").trim();
  }
  let bound: "AT_MOST" | "AT_LEAST" | undefined;
  const comparator = /^(<=|>=|≤|≥|<|>)\s*/.exec(text);
  if (comparator) {
    bound = comparator[1].startsWith("<") || comparator[1] === "≤" ? "AT_MOST" : "AT_LEAST";
    text = text.slice(comparator[0].length);
  }
  if (/^\S+\s*-\s*\S+$/.test(text) && !text.startsWith("-")) {
    return { ok: false, reason: `"${cell.trim()}" is a range, not one target value` };
  }
  text = text.replace(/\s*%$/, "");
  let value: number | null;
  const fraction = /^(.+?)\s*\/\s*(.+)$/.exec(text);
  if (fraction) {
    const numerator = parseVietnameseNumber(fraction[1]);
    const denominator = parseVietnameseNumber(fraction[2]);
    if (numerator === null || denominator === null || denominator === 0) return { ok: false, reason: `"${cell.trim()}" is not a readable ratio` };
    value = Math.round((numerator / denominator) * factor * 1e6) / 1e6;
  } else {
    value = parseVietnameseNumber(text);
  }
  if (value === null) return { ok: false, reason: `"${cell.trim()}" is not a figure` };
  return { ok: true, value, footnote, ...(bound ? { bound } : {}) };
}
