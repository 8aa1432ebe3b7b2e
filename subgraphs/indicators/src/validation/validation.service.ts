// Runs a data set's validation rules over stored values, on demand and when an area submits the set.
import { type AreaScope, BadUserInputError, periodProblem } from "@vnge/shared";
import type { DataSetRow } from "../data-approval/data-approval.store";
import { DEFAULT_RULES, type ValidationRuleDefinition, checkRules, findOutliers, samePeriodInPreviousYears } from "./validation-rule";
import type { ValidationStore } from "./validation.store";
import { type ValidationReport, ViolationSeverity } from "./validation.type";

export class ValidationService {
  constructor(
    private readonly store: ValidationStore,
    private readonly scope: AreaScope,
    private readonly rules: readonly ValidationRuleDefinition[] = DEFAULT_RULES,
  ) {}

  /** The rules whose every element belongs to the data set. */
  rulesOf(set: DataSetRow): ValidationRuleDefinition[] {
    const inSet = new Set(set.dataElementCodes);
    return this.rules.filter((rule) => [...rule.left, ...rule.right].every((term) => inSet.has(term.element)));
  }

  async validate(set: DataSetRow, areaCode: string, period: string): Promise<ValidationReport> {
    const problem = periodProblem(period);
    if (problem) throw new BadUserInputError(problem, { field: "period" });
    await this.scope.assertContains([areaCode], "validate data sets");
    const [current, history] = await Promise.all([
      this.store.values(set.dataElementCodes, areaCode, [period]),
      this.store.values(set.dataElementCodes, areaCode, samePeriodInPreviousYears(period)),
    ]);
    const errors = checkRules(this.rulesOf(set), current);
    const warnings = findOutliers(current, history);
    return {
      dataSetCode: set.code,
      areaCode,
      period,
      errors: errors.length,
      warnings: warnings.length,
      violations: [...errors, ...warnings].map((v) => ({ ...v, severity: v.severity === "ERROR" ? ViolationSeverity.ERROR : ViolationSeverity.WARNING })),
    };
  }
}
