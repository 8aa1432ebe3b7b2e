// Runs a data set's validation rules over stored values, on demand and when an area submits the set.
import type { AreaDirectory, AreaScope } from "@vnge/shared";
import type { DataSetRow } from "../data-approval/data-approval.store";
import { DEFAULT_RULES, type ValidationRuleDefinition, checkRules, findOutliers, samePeriodInPreviousYears } from "./validation-rule";
import type { FigureDisclosure } from "../disclosure/figure-disclosure";
import type { ValidationStore } from "./validation.store";
import { type ValidationReport, ViolationSeverity } from "./validation.type";

export class ValidationService {
  constructor(
    private readonly store: ValidationStore,
    private readonly scope: AreaScope,
    private readonly areas: AreaDirectory,
    /** Compared values leave only as the disclosure rule allows (docs/decisions/0080). */
    private readonly disclosure: Pick<FigureDisclosure, "violationsAsShown">,
    private readonly rules: readonly ValidationRuleDefinition[] = DEFAULT_RULES,
  ) {}

  /** The rules whose every element belongs to the data set. */
  rulesOf(set: DataSetRow): ValidationRuleDefinition[] {
    const inSet = new Set(set.dataElementCodes);
    return this.rules.filter((rule) => [...rule.left, ...rule.right].every((term) => inSet.has(term.element)));
  }

  /** `period` is a period id: the approval workflow's arguments are checked at the boundary. */
  async validate(set: DataSetRow, areaCode: string, period: string): Promise<ValidationReport> {
    const timeline = await this.areas.timeline();
    const hierarchy = timeline.forPeriod(period).code;
    await this.scope.assertContains([areaCode], "validate data sets", hierarchy);
    // Earlier years compare only within one version: across a reform the same code may be another unit.
    const earlier = samePeriodInPreviousYears(period).filter((p) => timeline.forPeriod(p).code === hierarchy);
    const [current, history] = await Promise.all([
      this.store.values(set.dataElementCodes, areaCode, [period], hierarchy),
      this.store.values(set.dataElementCodes, areaCode, earlier, hierarchy),
    ]);
    const errors = await this.disclosure.violationsAsShown(checkRules(this.rulesOf(set), current), period);
    const warnings = await this.disclosure.violationsAsShown(findOutliers(current, history), period);
    return {
      dataSetCode: set.code,
      areaCode,
      period,
      errors: errors.length,
      warnings: warnings.length,
      violations: [...errors, ...warnings].map((v) => ({
        ruleCode: v.ruleCode,
        areaCode: v.areaCode,
        message: v.message,
        leftValue: v.leftValue,
        rightValue: v.rightValue,
        severity: v.severity === "ERROR" ? ViolationSeverity.ERROR : ViolationSeverity.WARNING,
      })),
    };
  }
}
