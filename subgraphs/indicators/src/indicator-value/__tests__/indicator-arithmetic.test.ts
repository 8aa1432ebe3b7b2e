import { completeness, computeIndicator, type ElementSums, type IndicatorShape, roundTo, termBreakdown } from "../indicator-arithmetic";

const sums = (male: number | null, female: number | null, none: number | null = null, reportingAreas = 1): ElementSums => ({
  male,
  female,
  none,
  reportingAreas,
});
const disaggregated = { disaggregatedBySex: true, sex: null };
const plain = { disaggregatedBySex: false, sex: null };

describe("termBreakdown", () => {
  it("adds male and female into the total of a disaggregated element", () => {
    expect(termBreakdown(sums(3, 4), disaggregated)).toEqual({ total: 7, male: 3, female: 4 });
    expect(termBreakdown(sums(3, null), disaggregated)).toEqual({ total: 3, male: 3, female: null });
  });
  it("keeps only the filtered sex as the total", () => {
    expect(termBreakdown(sums(3, 4), { disaggregatedBySex: true, sex: "FEMALE" })).toEqual({ total: 4, male: null, female: null });
  });
  it("uses the undisaggregated sum for an element not split by sex", () => {
    expect(termBreakdown(sums(null, null, 9), plain)).toEqual({ total: 9, male: null, female: null });
  });
  it("is empty without data", () => {
    expect(termBreakdown(undefined, disaggregated)).toEqual({ total: null, male: null, female: null });
  });
});

describe("computeIndicator", () => {
  const srb: IndicatorShape = {
    numerator: { disaggregatedBySex: true, sex: "MALE" },
    denominator: { disaggregatedBySex: true, sex: "FEMALE" },
    factor: 100,
    decimals: 1,
  };
  const mmr: IndicatorShape = { numerator: plain, denominator: disaggregated, factor: 100_000, decimals: 1 };
  const share: IndicatorShape = { numerator: disaggregated, denominator: disaggregated, factor: 100, decimals: 1 };

  it("computes the sex ratio at birth as male over female births x 100", () => {
    const births = sums(1120, 1000);
    expect(computeIndicator(srb, births, births)).toMatchObject({ total: 112, male: null, female: null, femaleToMaleRatio: null });
  });

  it("computes the maternal mortality ratio per 100,000 live births", () => {
    const value = computeIndicator(mmr, sums(null, null, 3), sums(3000, 2800));
    expect(value.total).toBe(51.7); // 3 / 5800 x 100000 = 51.724...
    expect(value.numerator).toEqual({ total: 3, male: null, female: null });
    expect(value.denominator).toEqual({ total: 5800, male: 3000, female: 2800 });
  });

  it("computes male, female and total shares and the female-to-male ratio from unrounded values", () => {
    const value = computeIndicator(share, sums(1, 2), sums(3, 4));
    expect(value).toMatchObject({ total: 42.9, male: 33.3, female: 50, femaleToMaleRatio: 1.5 });
  });

  it("gives null, not an error, for a zero or missing denominator", () => {
    expect(computeIndicator(share, sums(1, 2), sums(0, 0)).total).toBeNull();
    expect(computeIndicator(share, sums(1, 2), undefined)).toMatchObject({ total: null, male: null, female: null, femaleToMaleRatio: null });
    expect(computeIndicator(share, undefined, undefined).total).toBeNull();
  });

  it("returns a plain sum times the factor when there is no denominator", () => {
    const count: IndicatorShape = { numerator: disaggregated, denominator: null, factor: 1, decimals: 0 };
    expect(computeIndicator(count, sums(5, 6), undefined)).toMatchObject({ total: 11, male: 5, female: 6, denominator: null });
  });
});

describe("roundTo and completeness", () => {
  it("rounds half away from zero without binary artefacts", () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(null, 1)).toBeNull();
    expect(roundTo(Number.POSITIVE_INFINITY, 1)).toBeNull();
  });
  it("rounds every value as its decimal digits say, ties and ratios included", () => {
    // the decimal reading of each value, digit by digit
    const decimal = (value: number, decimals: number) => (value < 0 ? -1 : 1) * Number(`${Math.round(Number(`${Math.abs(value)}e${decimals}`))}e-${decimals}`);
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const values: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      values.push((random() - 0.3) * 10 ** Math.floor(random() * 9)); // ratios and sums of every size
      values.push(Math.floor(random() * 1e6) / 1000 + 0.0005); // ties at the third decimal, as written
      values.push((Math.floor(random() * 1e5) * 2 + 1) / 200); // x.xx5 exactly halfway at two decimals
      values.push((Math.floor(random() * 500) / Math.max(1, Math.floor(random() * 700))) * 100); // per-100 ratios
    }
    const wrong: [number, number, number | null][] = [];
    for (const value of values) {
      for (const decimals of [0, 1, 2, 4])
        if (!Object.is(roundTo(value, decimals), decimal(value, decimals))) wrong.push([value, decimals, roundTo(value, decimals)]);
    }
    expect(wrong).toEqual([]);
  });
  it("is the share of expected areas that reported, null when none is expected", () => {
    expect(completeness(3, 4)).toBe(0.75);
    expect(completeness(0, 0)).toBeNull();
  });
});
