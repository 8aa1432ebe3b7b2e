import { DEFAULT_CATALOGUE } from "@vnge/indicators";
import { catalogueOf } from "../../catalogue/indicator-catalogue";
import { targetKey } from "../target.store";
import { type TargetDraft, targetProblems } from "../target.validation";

const catalogue = catalogueOf(DEFAULT_CATALOGUE);
const good: TargetDraft = {
  indicatorCode: "MATERNAL_MORTALITY_RATIO",
  period: "2025",
  comparison: "AT_MOST",
  targetValue: 45,
  baselineValue: 58,
  baselinePeriod: "2020",
};
const problemsOf = (drafts: TargetDraft[], taken: string[] = []) =>
  targetProblems(drafts, catalogue, new Set(taken), "62").map((p) => `${p.index}:${p.field}: ${p.message}`);

describe("target validation", () => {
  it("accepts a target after its baseline, and one without a baseline", () => {
    expect(problemsOf([good, { ...good, indicatorCode: "LIVE_BIRTHS", comparison: "AT_LEAST", baselineValue: null, baselinePeriod: null }])).toEqual([]);
  });

  it("refuses a target period that is not after the baseline's, the same year included", () => {
    expect(problemsOf([{ ...good, period: "2020" }])).toEqual(["0:period: target period 2020 is not after its baseline period 2020"]);
    expect(problemsOf([{ ...good, period: "2019" }])).toEqual(["0:period: target period 2019 is not after its baseline period 2020"]);
  });

  it("refuses malformed periods, a baseline value without its year, and comparisons outside the list", () => {
    expect(problemsOf([{ ...good, period: "2025Q1", baselinePeriod: null }])).toEqual([
      '0:period: period "2025Q1" must be a year such as "2025"',
      "0:baselinePeriod: a baseline value needs its baseline period",
    ]);
    expect(problemsOf([{ ...good, comparison: "ABOUT" }])).toEqual(['0:comparison: comparison "ABOUT" must be one of AT_LEAST, AT_MOST, MAINTAIN, EXACT']);
  });

  it("allows a sex-specific target only on an indicator with male and female values", () => {
    expect(problemsOf([{ ...good, indicatorCode: "LIVE_BIRTHS", sex: "FEMALE" }])).toEqual([]);
    expect(problemsOf([{ ...good, indicatorCode: "SEX_RATIO_AT_BIRTH", sex: "MALE" }])).toEqual([
      "0:sex: indicator SEX_RATIO_AT_BIRTH has no male and female values, so a target for one sex cannot be tracked",
    ]);
  });

  it("finds duplicates within a batch and against the plan, per indicator, year and sex", () => {
    expect(problemsOf([good, { ...good, targetValue: 40 }])).toEqual([
      "1:indicatorCode: duplicate target: MATERNAL_MORTALITY_RATIO for 2025 is also target 1 of this request",
    ]);
    expect(problemsOf([good], [targetKey("62", "MATERNAL_MORTALITY_RATIO", "2025", null)])).toEqual([
      "0:indicatorCode: duplicate target: the plan already has a target for MATERNAL_MORTALITY_RATIO for 2025",
    ]);
    const births = { ...good, indicatorCode: "LIVE_BIRTHS", comparison: "AT_LEAST" };
    expect(problemsOf([births, { ...births, sex: "MALE" }, { ...births, sex: "FEMALE" }])).toEqual([]);
  });
});
