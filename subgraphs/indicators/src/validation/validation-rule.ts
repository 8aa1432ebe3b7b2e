// Validation rules over stored values, free of I/O: comparisons between sums of values of one area
// and period (errors: they block a data set's submission), and values far outside the same area's
// history (warnings: flagged for follow-up, never refused). See docs/decisions/0053-validation-rules.md.
import { type DataValueSex, parsePeriod } from "@vnge/shared";

export interface RuleTerm {
  element: string;
  /** MALE or FEMALE values only; every stored value of the element when omitted. */
  sex?: "MALE" | "FEMALE";
}

export interface ValidationRuleDefinition {
  code: string;
  description: string;
  left: readonly RuleTerm[];
  operator: "EQUAL" | "LESS_OR_EQUAL";
  right: readonly RuleTerm[];
}

export interface StoredPoint {
  dataElementCode: string;
  areaCode: string;
  period: string;
  sex: DataValueSex;
  value: number;
}

export type Severity = "ERROR" | "WARNING";

export interface Violation {
  ruleCode: string;
  severity: Severity;
  areaCode: string;
  message: string;
  leftValue: number | null;
  rightValue: number | null;
  /** The data elements the violation compares, and its message without figures (for callers who may not see them). */
  elements: readonly string[];
  summary: string;
}

/** History needed before a value can be called an outlier, and how far is far. */
export const OUTLIER_HISTORY_YEARS = 5;
export const OUTLIER_MIN_HISTORY = 3;
export const OUTLIER_DEVIATIONS = 3;

const notAbove = (description: string, code: string, part: string, whole: string, bySex: boolean): ValidationRuleDefinition[] =>
  bySex
    ? (["FEMALE", "MALE"] as const).map((sex) => ({
        code: `${code}_${sex}`,
        description: `${description} (${sex.toLowerCase()})`,
        left: [{ element: part, sex }],
        operator: "LESS_OR_EQUAL" as const,
        right: [{ element: whole, sex }],
      }))
    : [{ code, description, left: [{ element: part }], operator: "LESS_OR_EQUAL" as const, right: [{ element: whole }] }];

export const DEFAULT_RULES: readonly ValidationRuleDefinition[] = [
  ...notAbove("victims supported <= victims detected", "GBV_SUPPORTED_NOT_ABOVE_DETECTED", "GBV_VICTIMS_SUPPORTED", "GBV_VICTIMS_DETECTED", true),
  ...notAbove(
    "perpetrators counselled <= perpetrators detected",
    "GBV_COUNSELLED_NOT_ABOVE_DETECTED",
    "GBV_PERPETRATORS_COUNSELLED",
    "GBV_PERPETRATORS_DETECTED",
    true,
  ),
  ...notAbove("rural workers trained <= rural workers", "RURAL_TRAINED_NOT_ABOVE_WORKERS", "RURAL_WORKERS_TRAINED", "RURAL_WORKERS", true),
  ...notAbove(
    "non-discriminatory conventions <= conventions",
    "CONVENTIONS_NON_DISCRIMINATORY_NOT_ABOVE_ALL",
    "COMMUNITY_CONVENTIONS_NON_DISCRIMINATORY",
    "COMMUNITY_CONVENTIONS",
    false,
  ),
  ...notAbove(
    "trafficking victims supported <= in need",
    "TRAFFICKING_SUPPORTED_NOT_ABOVE_IN_NEED",
    "TRAFFICKING_VICTIMS_SUPPORTED",
    "TRAFFICKING_VICTIMS_IN_NEED",
    true,
  ),
  ...notAbove(
    "facilities with GBV services <= facilities",
    "FACILITIES_GBV_NOT_ABOVE_ALL",
    "FACILITIES_WITH_GBV_SERVICES",
    "SOCIAL_ASSISTANCE_FACILITIES",
    false,
  ),
  ...notAbove("wage workers <= employed persons", "WAGE_WORKERS_NOT_ABOVE_EMPLOYED", "WAGE_WORKERS", "EMPLOYED_PERSONS", true),
  ...notAbove("agriculture workers <= employed persons", "AGRICULTURE_WORKERS_NOT_ABOVE_EMPLOYED", "AGRICULTURE_WORKERS", "EMPLOYED_PERSONS", true),
  ...notAbove("woman-led enterprises <= enterprises", "ENTERPRISES_WOMAN_LED_NOT_ABOVE_ALL", "ENTERPRISES_WOMAN_LED", "ENTERPRISES", false),
  ...notAbove("agencies with a woman key leader <= agencies", "AGENCIES_WOMAN_LEADER_NOT_ABOVE_ALL", "AGENCIES_WITH_WOMAN_KEY_LEADER", "AGENCIES", false),
  ...notAbove(
    "children completing primary school <= cohort",
    "PRIMARY_COMPLETED_NOT_ABOVE_COHORT",
    "ETHNIC_MINORITY_PRIMARY_COMPLETED",
    "ETHNIC_MINORITY_PRIMARY_COHORT",
    true,
  ),
];

const termText = (t: RuleTerm) => (t.sex ? `${t.element} ${t.sex}` : t.element);

/** The sum of a side at one area, or null when any of its elements has no value there (rule not applicable). */
function sideValue(side: readonly RuleTerm[], points: readonly StoredPoint[]): number | null {
  let total = 0;
  for (const term of side) {
    const matching = points.filter((p) => p.dataElementCode === term.element && (term.sex === undefined || p.sex === term.sex));
    if (matching.length === 0) return null;
    for (const p of matching) total += p.value;
  }
  return total;
}

/** Rule errors at each area of `points` (all of one period). */
export function checkRules(rules: readonly ValidationRuleDefinition[], points: readonly StoredPoint[]): Violation[] {
  const byArea = new Map<string, StoredPoint[]>();
  for (const p of points) byArea.set(p.areaCode, [...(byArea.get(p.areaCode) ?? []), p]);
  const violations: Violation[] = [];
  for (const [areaCode, areaPoints] of [...byArea].sort(([a], [b]) => a.localeCompare(b))) {
    for (const rule of rules) {
      const left = sideValue(rule.left, areaPoints);
      const right = sideValue(rule.right, areaPoints);
      if (left === null || right === null) continue;
      const holds = rule.operator === "EQUAL" ? Math.abs(left - right) < 1e-9 : left <= right + 1e-9;
      if (holds) continue;
      const sign = rule.operator === "EQUAL" ? "=" : "<=";
      violations.push({
        ruleCode: rule.code,
        severity: "ERROR",
        areaCode,
        leftValue: left,
        rightValue: right,
        message: `${rule.description}: at area ${areaCode}, ${rule.left.map(termText).join(" + ")} (${left}) ${sign} ${rule.right.map(termText).join(" + ")} (${right}) does not hold`,
        elements: [...new Set([...rule.left, ...rule.right].map((term) => term.element))],
        summary: `${rule.description}: at area ${areaCode}, ${rule.left.map(termText).join(" + ")} ${sign} ${rule.right.map(termText).join(" + ")} does not hold`,
      });
    }
  }
  return violations;
}

/** The same period in each of the previous `years` years: "2024" -> "2023", ...; "2024Q2" -> "2023Q2", ... */
export function samePeriodInPreviousYears(period: string, years: number = OUTLIER_HISTORY_YEARS): string[] {
  const parsed = parsePeriod(period);
  if (!parsed) return [];
  return Array.from({ length: years }, (_, i) => {
    const year = parsed.year - i - 1;
    if (parsed.type === "QUARTERLY") return `${year}Q${parsed.index}`;
    if (parsed.type === "MONTHLY") return `${year}${String(parsed.index).padStart(2, "0")}`;
    return String(year);
  }).filter((p) => parsePeriod(p) !== null);
}

/**
 * Warnings for values far from the same area's history: more than OUTLIER_DEVIATIONS x the spread
 * from the mean of the same period in earlier years, the spread being at least 10% of the mean and
 * at least 1 (so a flat history does not make every small change an outlier).
 */
export function findOutliers(current: readonly StoredPoint[], history: readonly StoredPoint[]): Violation[] {
  const key = (p: StoredPoint) => `${p.dataElementCode}\u0000${p.areaCode}\u0000${p.sex}`;
  const past = new Map<string, number[]>();
  for (const p of history) past.set(key(p), [...(past.get(key(p)) ?? []), p.value]);
  const warnings: Violation[] = [];
  for (const p of current) {
    const values = past.get(key(p)) ?? [];
    if (values.length < OUTLIER_MIN_HISTORY) continue;
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    const spread = Math.max(sd, 0.1 * Math.abs(mean), 1);
    if (Math.abs(p.value - mean) <= OUTLIER_DEVIATIONS * spread) continue;
    const sex = p.sex === "NONE" ? "" : ` ${p.sex}`;
    warnings.push({
      ruleCode: "OUTLIER",
      severity: "WARNING",
      areaCode: p.areaCode,
      leftValue: p.value,
      rightValue: Math.round(mean * 10) / 10,
      message: `${p.dataElementCode}${sex} at area ${p.areaCode} is ${p.value}, far from its history (mean ${Math.round(mean * 10) / 10} over ${values.length} earlier periods): check it`,
      elements: [p.dataElementCode],
      summary: `${p.dataElementCode}${sex} at area ${p.areaCode} is far from its history over ${values.length} earlier periods: check it`,
    });
  }
  return warnings.sort((a, b) => a.areaCode.localeCompare(b.areaCode));
}
