// Small-count suppression for published counts (docs/decisions/0031-case-statistics-suppression.md,
// 0080-one-disclosure-rule.md). Cells are named counts; equations say which published counts add up to which
// (an area's total is the sum of its counts by sex, ...; a parent's count is the sum of its children's). A count
// from 1 to threshold - 1 is suppressed (primary); then, while any equation has exactly one suppressed member
// (which subtraction would recover), one more member of it is suppressed (complementary).

export interface Equation {
  total: string;
  parts: readonly string[];
}

export interface SuppressionConstraints {
  /** Cells another output already hides: hidden here too. */
  hidden?: ReadonlySet<string>;
  /** Cells another output already publishes: never chosen as a complement (hiding them would protect nothing). */
  published?: ReadonlySet<string>;
}

/** The names of the cells to publish as null. Deterministic: the same data always gives the same cells. */
export function suppressedCells(
  values: ReadonlyMap<string, number>,
  equations: readonly Equation[],
  threshold: number,
  constraints: SuppressionConstraints = {},
): Set<string> {
  const countOf = (cell: string) => values.get(cell) ?? 0;
  const suppressed = new Set<string>(constraints.hidden ?? []);
  const published = constraints.published ?? new Set<string>();
  for (const [cell, value] of values) {
    // Zero is published: it describes nobody, and hiding zeros would let non-negativity reveal their neighbours.
    if (value > 0 && value < threshold) suppressed.add(cell);
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const equation of equations) {
      const members = [equation.total, ...equation.parts];
      const hidden = members.filter((cell) => suppressed.has(cell));
      if (hidden.length !== 1) continue;
      const complement = chooseComplement(equation, hidden[0], suppressed, published, countOf);
      if (complement === undefined) continue;
      suppressed.add(complement);
      changed = true;
    }
  }
  return suppressed;
}

/**
 * Prefers the smallest non-zero part (hides the least), then the total (which spreads suppression to every
 * equation the total appears in), then a zero part. Ties go to the name, for determinism.
 */
function chooseComplement(
  equation: Equation,
  hidden: string,
  suppressed: ReadonlySet<string>,
  published: ReadonlySet<string>,
  countOf: (cell: string) => number,
): string | undefined {
  const open = equation.parts.filter((cell) => cell !== hidden && !suppressed.has(cell) && !published.has(cell));
  const byValue = (a: string, b: string) => countOf(a) - countOf(b) || (a < b ? -1 : a > b ? 1 : 0);
  const nonZero = open.filter((cell) => countOf(cell) > 0).sort(byValue);
  if (nonZero.length > 0) return nonZero[0];
  const total = equation.total;
  if (hidden !== total && !suppressed.has(total) && !published.has(total) && countOf(total) > 0) return total;
  const zero = open.sort(byValue);
  return zero[0];
}
