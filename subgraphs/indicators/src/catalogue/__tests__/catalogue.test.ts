import { DEFAULT_CATALOGUE, catalogueProblems } from "../catalogue.seed";

describe("the default catalogue", () => {
  it("is consistent", () => {
    expect(catalogueProblems(DEFAULT_CATALOGUE)).toEqual([]);
  });

  it("defines sex ratio at birth and maternal mortality ratio as the Strategy does", () => {
    const byCode = new Map(DEFAULT_CATALOGUE.indicators.map((i) => [i.code, i]));
    expect(byCode.get("SEX_RATIO_AT_BIRTH")).toMatchObject({
      numerator: { element: "LIVE_BIRTHS", sex: "MALE" },
      denominator: { element: "LIVE_BIRTHS", sex: "FEMALE" },
      factor: 100,
      unit: "BOYS_PER_100_GIRLS",
    });
    expect(byCode.get("MATERNAL_MORTALITY_RATIO")).toMatchObject({
      numerator: { element: "MATERNAL_DEATHS" },
      denominator: { element: "LIVE_BIRTHS" },
      factor: 100_000,
      unit: "PER_100000",
    });
  });

  it("measures the trained share of gender-equality officials on those officials, not on attendances", () => {
    const byCode = new Map(DEFAULT_CATALOGUE.indicators.map((i) => [i.code, i]));
    expect(byCode.get("GENDER_EQUALITY_OFFICIALS_TRAINED_SHARE")).toMatchObject({
      numerator: { element: "GENDER_EQUALITY_OFFICIALS_TRAINED" },
      denominator: { element: "GENDER_EQUALITY_OFFICIALS" },
    });
    expect(byCode.get("UNPAID_CARE_WORK_RATIO")).toMatchObject({ unit: "TIMES", numerator: { sex: "FEMALE" }, denominator: { sex: "MALE" } });
    expect(byCode.get("GE_CURRICULUM_CONTENT")).toMatchObject({ unit: "YES_NO" });
    expect(DEFAULT_CATALOGUE.dataElements.find((e) => e.code === "GE_CURRICULUM_CONTENT")).toMatchObject({ maxValue: 1 });
  });

  it("reports unknown elements, sex filters on undisaggregated elements and duplicates", () => {
    const problems = catalogueProblems({
      dataElements: [
        { code: "A", name: "a", nameVi: "a", valueType: "COUNT", disaggregatedBySex: false, collectionLevel: "COMMUNE" },
        { code: "A", name: "a", nameVi: "a", valueType: "COUNT", disaggregatedBySex: false, collectionLevel: "COMMUNE" },
      ],
      indicators: [
        {
          code: "X",
          name: "x",
          nameVi: "x",
          numerator: { element: "A", sex: "MALE" },
          denominator: { element: "B" },
          factor: 1,
          unit: "COUNT",
          decimals: 9,
          betterDirection: "HIGHER",
        },
      ],
    });
    expect(problems).toEqual([
      "data element A is defined twice",
      "indicator X: numerator filters by sex but A is not disaggregated by sex",
      "indicator X: denominator refers to unknown data element B",
      "indicator X: decimals must be an integer from 0 to 6",
    ]);
  });
});
