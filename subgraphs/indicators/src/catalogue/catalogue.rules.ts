// The rules a definition must follow to enter the catalogue (pure: no I/O). Codes, owners and formulas:
// docs/decisions/0084-managed-catalogue.md.
import { type AreaLevel, NATION_CODE, type Sex, levelDepth } from "@vnge/shared";

export { NATION_CODE };

const CODE = /^[A-Z][A-Z0-9_]{1,79}$/;

export interface Problem {
  field: string;
  message: string;
}

/** A national code is UPPER_SNAKE; a local one is its owner's area code, a dot and an UPPER_SNAKE name. */
export function codeProblem(code: string, owner: string): Problem | null {
  if (owner === NATION_CODE) {
    return CODE.test(code)
      ? null
      : { field: "code", message: `a national code is 2-80 capital letters, digits and underscores starting with a letter, got "${code}"` };
  }
  const prefix = `${owner}.`;
  if (!code.startsWith(prefix) || !CODE.test(code.slice(prefix.length))) {
    return {
      field: "code",
      message: `a code owned by area ${owner} is "${prefix}" and capital letters, digits and underscores (e.g. "${prefix}ABORTION_RATIO"), got "${code}"`,
    };
  }
  return null;
}

/** What the formula rules need of a data element. */
export interface ElementFacts {
  code: string;
  disaggregatedBySex: boolean;
  collectionLevel: AreaLevel;
  /** Where a DISTRICT element is collected in a version without districts (decision 0098). */
  collectionLevelWithoutDistricts?: AreaLevel | null;
  owner: string;
  retiredAt: Date | null;
}

export interface TermDefinition {
  element: string;
  sex?: Sex | null;
}

export interface FormulaDefinition {
  owner: string;
  numerator: TermDefinition;
  denominator?: TermDefinition | null;
  factor: number;
}

/** Every reason the formula cannot be computed as the catalogue promises, each with the input field it is about. */
export function formulaProblems(formula: FormulaDefinition, elements: ReadonlyMap<string, ElementFacts>): Problem[] {
  const problems: Problem[] = [];
  const sides = [
    ["numerator", formula.numerator],
    ["denominator", formula.denominator],
  ] as const;
  for (const [side, term] of sides) {
    if (!term) continue;
    const element = elements.get(term.element);
    if (!element) {
      problems.push({ field: `${side}.element`, message: `${side}: unknown data element "${term.element}"` });
      continue;
    }
    if (element.retiredAt) problems.push({ field: `${side}.element`, message: `${side}: data element ${element.code} is retired` });
    if (element.owner !== NATION_CODE && element.owner !== formula.owner) {
      problems.push({
        field: `${side}.element`,
        message: `${side}: data element ${element.code} belongs to area ${element.owner}; a definition owned by ${formula.owner} may use national elements and its own`,
      });
    }
    if (term.sex && !element.disaggregatedBySex) {
      problems.push({ field: `${side}.sex`, message: `${side}: filters by sex ${term.sex} but ${element.code} is not disaggregated by sex` });
    }
  }
  const numerator = elements.get(formula.numerator.element);
  const denominator = formula.denominator ? elements.get(formula.denominator.element) : undefined;
  // A denominator collected lower down would exist at the numerator's areas only as a partial sum of theirs.
  if (numerator && denominator && levelDepth(denominator.collectionLevel) > levelDepth(numerator.collectionLevel)) {
    problems.push({
      field: "denominator.element",
      message: `denominator ${denominator.code} is collected at ${denominator.collectionLevel}, below the numerator ${numerator.code} (${numerator.collectionLevel}); the denominator must be collected at the numerator's level or above`,
    });
  }
  if (!(Number.isFinite(formula.factor) && formula.factor > 0))
    problems.push({ field: "factor", message: `factor must be a number greater than 0, got ${formula.factor}` });
  return problems;
}
