// Checks a batch of new targets before anything is written: every problem is reported at once.
import type { IndicatorCatalogue } from "../catalogue/indicator-catalogue";
import { TargetComparison } from "./progress";
import type { Sex } from "./target.enums";
import { targetKey } from "./target.store";

export interface TargetDraft {
  /** An area beneath the plan's, for a target the plan sets for it; the plan's own area when absent. */
  areaCode?: string | null;
  indicatorCode: string;
  period: string;
  sex?: Sex | null;
  targetValue: number;
  comparison: string;
  baselineValue?: number | null;
  baselinePeriod?: string | null;
}

export interface TargetProblem {
  index: number;
  field: string;
  message: string;
}

const YEAR = /^\d{4}$/;
export const isYear = (period: string) => YEAR.test(period) && Number(period) >= 1900 && Number(period) <= 2100;

export function targetProblems(
  drafts: readonly TargetDraft[],
  catalogue: IndicatorCatalogue,
  takenKeys: ReadonlySet<string>,
  planAreaCode: string,
): TargetProblem[] {
  const problems: TargetProblem[] = [];
  const seen = new Map<string, number>();
  drafts.forEach((draft, index) => {
    const problem = (field: string, message: string) => problems.push({ index, field, message });
    const indicator = catalogue.get(draft.indicatorCode);
    if (!indicator) problem("indicatorCode", `unknown indicator "${draft.indicatorCode}": not in the indicator catalogue`);
    if (!(Object.values(TargetComparison) as string[]).includes(draft.comparison)) {
      problem("comparison", `comparison "${draft.comparison}" must be one of ${Object.values(TargetComparison).join(", ")}`);
    }
    if (!isYear(draft.period)) problem("period", `period "${draft.period}" must be a year such as "2025"`);
    if (!Number.isFinite(draft.targetValue)) problem("targetValue", "targetValue must be a finite number");
    const hasBaselineValue = draft.baselineValue !== null && draft.baselineValue !== undefined;
    if (hasBaselineValue && !Number.isFinite(draft.baselineValue)) problem("baselineValue", "baselineValue must be a finite number");
    if (draft.baselinePeriod) {
      if (!isYear(draft.baselinePeriod)) problem("baselinePeriod", `baseline period "${draft.baselinePeriod}" must be a year such as "2020"`);
      else if (isYear(draft.period) && draft.period <= draft.baselinePeriod) {
        problem("period", `target period ${draft.period} is not after its baseline period ${draft.baselinePeriod}`);
      }
    } else if (hasBaselineValue) {
      problem("baselinePeriod", "a baseline value needs its baseline period");
    }
    if (draft.sex && indicator && !indicator.splitBySex) {
      problem("sex", `indicator ${draft.indicatorCode} has no male and female values, so a target for one sex cannot be tracked`);
    }
    const areaCode = draft.areaCode ?? planAreaCode;
    const key = targetKey(areaCode, draft.indicatorCode, draft.period, draft.sex ?? null);
    const what = `${draft.indicatorCode} for ${draft.period}${draft.sex ? ` (${draft.sex})` : ""}${areaCode === planAreaCode ? "" : ` at ${areaCode}`}`;
    if (takenKeys.has(key)) problem("indicatorCode", `duplicate target: the plan already has a target for ${what}`);
    else if (seen.has(key)) problem("indicatorCode", `duplicate target: ${what} is also target ${seen.get(key)! + 1} of this request`);
    else seen.set(key, index);
  });
  return problems;
}
