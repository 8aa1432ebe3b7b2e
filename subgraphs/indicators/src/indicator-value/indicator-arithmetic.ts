// The rollup arithmetic, free of I/O: an indicator at any area is computed from the summed
// numerator and denominator (never from children's percentages), separately for male, female and
// total; a missing or zero denominator gives null. Rounding applies to presented values only.
import type { Sex } from "@vnge/shared";

/** Sums of one data element over an area's reporting areas for one period, by stored sex. */
export interface ElementSums {
  male: number | null;
  female: number | null;
  /** Values of an element not disaggregated by sex. */
  none: number | null;
  /** Areas with at least one value of the element in the period. */
  reportingAreas: number;
  /** Across hierarchy versions: |value| carried by apportioned (partial) shares, and by all shares. */
  apportioned?: number;
  magnitude?: number;
}

/**
 * Share (0-1) of an indicator's inputs that reached the area through partial mappings; 0 when every
 * input came whole, null when there is no input.
 */
export function apportionedShare(...sides: (ElementSums | undefined)[]): number | null {
  const magnitude = sides.reduce((sum, side) => sum + (side?.magnitude ?? 0), 0);
  if (magnitude === 0) return sides.some((side) => side !== undefined) ? 0 : null;
  return roundTo(sides.reduce((sum, side) => sum + (side?.apportioned ?? 0), 0) / magnitude, 4);
}

export interface Breakdown {
  total: number | null;
  male: number | null;
  female: number | null;
}

export interface TermShape {
  disaggregatedBySex: boolean;
  /** Only this sex counts; the term then has a total and no male/female split. */
  sex: Sex | null;
}

export interface IndicatorShape {
  numerator: TermShape;
  denominator: TermShape | null;
  factor: number;
  decimals: number;
}

export interface ComputedValue {
  total: number | null;
  male: number | null;
  female: number | null;
  femaleToMaleRatio: number | null;
  numerator: Breakdown;
  denominator: Breakdown | null;
}

export const RATIO_DECIMALS = 2;

const EMPTY: Breakdown = { total: null, male: null, female: null };

/** What a numerator or denominator adds up to: male + female = total for a disaggregated element. */
export function termBreakdown(sums: ElementSums | undefined, term: TermShape): Breakdown {
  if (!sums) return EMPTY;
  if (!term.disaggregatedBySex) return { total: sums.none, male: null, female: null };
  if (term.sex === "MALE") return { total: sums.male, male: null, female: null };
  if (term.sex === "FEMALE") return { total: sums.female, male: null, female: null };
  const total = sums.male === null && sums.female === null ? null : (sums.male ?? 0) + (sums.female ?? 0);
  return { total, male: sums.male, female: sums.female };
}

function ratio(numerator: number | null, denominator: number | null, factor: number): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return (numerator / denominator) * factor;
}

/** Half away from zero, at `decimals` places, without binary artefacts (1.005 -> 1.01). */
export function roundTo(value: number | null, decimals: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const sign = value < 0 ? -1 : 1;
  const magnitude = Math.abs(value);
  const power = 10 ** decimals;
  const product = magnitude * power;
  // Away from a tie the binary product rounds as the decimal would: no string round trip (a rollup rounds
  // thousands of values). Near one, the decimal digits decide.
  const distanceFromTie = Math.abs(product - Math.floor(product) - 0.5);
  if (decimals <= 15 && product < 2 ** 52 && distanceFromTie > product * Number.EPSILON * 8 + 1e-9) {
    return sign * (Math.round(product) / power);
  }
  const scaled = Math.round(Number(`${magnitude}e${decimals}`));
  return sign * Number(`${scaled}e-${decimals}`);
}

export function computeIndicator(shape: IndicatorShape, numeratorSums: ElementSums | undefined, denominatorSums: ElementSums | undefined): ComputedValue {
  const numerator = termBreakdown(numeratorSums, shape.numerator);
  const denominator = shape.denominator ? termBreakdown(denominatorSums, shape.denominator) : null;
  let raw: Breakdown;
  if (denominator === null) {
    raw = {
      total: numerator.total === null ? null : numerator.total * shape.factor,
      male: numerator.male === null ? null : numerator.male * shape.factor,
      female: numerator.female === null ? null : numerator.female * shape.factor,
    };
  } else {
    raw = {
      total: ratio(numerator.total, denominator.total, shape.factor),
      male: ratio(numerator.male, denominator.male, shape.factor),
      female: ratio(numerator.female, denominator.female, shape.factor),
    };
  }
  return {
    total: roundTo(raw.total, shape.decimals),
    male: roundTo(raw.male, shape.decimals),
    female: roundTo(raw.female, shape.decimals),
    femaleToMaleRatio: roundTo(ratio(raw.female, raw.male, 1), RATIO_DECIMALS),
    numerator,
    denominator,
  };
}

/** Share of the expected reporting areas that reported; null when none is expected. */
export function completeness(reportingAreas: number, expectedAreas: number): number | null {
  if (expectedAreas <= 0) return null;
  return roundTo(Math.min(reportingAreas, expectedAreas) / expectedAreas, 4);
}
