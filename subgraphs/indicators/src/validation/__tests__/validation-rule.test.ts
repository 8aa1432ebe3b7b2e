import type { DataValueSex } from "@vnge/shared";
import { type StoredPoint, type ValidationRuleDefinition, checkRules, findOutliers, samePeriodInPreviousYears } from "../validation-rule";

const point = (dataElementCode: string, sex: DataValueSex, value: number, areaCode = "00001", period = "2024"): StoredPoint => ({
  dataElementCode,
  areaCode,
  period,
  sex,
  value,
});

const SEX_TOTAL: ValidationRuleDefinition = {
  code: "BIRTHS_BY_SEX_MAKE_TOTAL",
  description: "female + male = total",
  left: [
    { element: "BIRTHS", sex: "FEMALE" },
    { element: "BIRTHS", sex: "MALE" },
  ],
  operator: "EQUAL",
  right: [{ element: "BIRTHS_TOTAL" }],
};
const SUPPORTED: ValidationRuleDefinition = {
  code: "SUPPORTED_NOT_ABOVE_DETECTED",
  description: "victims supported <= victims detected",
  left: [{ element: "SUPPORTED", sex: "FEMALE" }],
  operator: "LESS_OR_EQUAL",
  right: [{ element: "DETECTED", sex: "FEMALE" }],
};

describe("checkRules", () => {
  it("checks female + male = total where a total is collected, per area", () => {
    const points = [
      point("BIRTHS", "FEMALE", 10),
      point("BIRTHS", "MALE", 12),
      point("BIRTHS_TOTAL", "NONE", 22),
      point("BIRTHS", "FEMALE", 10, "00002"),
      point("BIRTHS", "MALE", 12, "00002"),
      point("BIRTHS_TOTAL", "NONE", 23, "00002"),
    ];
    expect(checkRules([SEX_TOTAL], points)).toEqual([
      {
        ruleCode: "BIRTHS_BY_SEX_MAKE_TOTAL",
        severity: "ERROR",
        areaCode: "00002",
        leftValue: 22,
        rightValue: 23,
        message: "female + male = total: at area 00002, BIRTHS FEMALE + BIRTHS MALE (22) = BIRTHS_TOTAL (23) does not hold",
        elements: ["BIRTHS", "BIRTHS_TOTAL"],
        summary: "female + male = total: at area 00002, BIRTHS FEMALE + BIRTHS MALE = BIRTHS_TOTAL does not hold",
      },
    ]);
  });

  it("checks supported <= detected, and skips a rule whose values are not all there", () => {
    expect(checkRules([SUPPORTED], [point("SUPPORTED", "FEMALE", 4), point("DETECTED", "FEMALE", 4)])).toEqual([]);
    expect(
      checkRules([SUPPORTED], [point("SUPPORTED", "FEMALE", 5), point("DETECTED", "FEMALE", 4)]).map((v) => [v.ruleCode, v.leftValue, v.rightValue]),
    ).toEqual([["SUPPORTED_NOT_ABOVE_DETECTED", 5, 4]]);
    expect(checkRules([SUPPORTED, SEX_TOTAL], [point("SUPPORTED", "FEMALE", 5), point("BIRTHS", "FEMALE", 1)])).toEqual([]);
  });
});

describe("findOutliers", () => {
  const history = [48, 52, 50, 55, 45].map((v, i) => point("BIRTHS", "FEMALE", v, "00001", String(2023 - i)));

  it("flags a value far from the area's history and passes one within it", () => {
    const [warning] = findOutliers([point("BIRTHS", "FEMALE", 400)], history);
    expect(warning).toMatchObject({ ruleCode: "OUTLIER", severity: "WARNING", leftValue: 400, rightValue: 50 });
    expect(warning.message).toBe("BIRTHS FEMALE at area 00001 is 400, far from its history (mean 50 over 5 earlier periods): check it");
    expect(findOutliers([point("BIRTHS", "FEMALE", 62)], history)).toEqual([]);
    // another sex or area has no history here
    expect(findOutliers([point("BIRTHS", "MALE", 400), point("BIRTHS", "FEMALE", 400, "00002")], history)).toEqual([]);
  });

  it("needs three earlier periods, and a flat history does not flag small changes", () => {
    expect(findOutliers([point("BIRTHS", "FEMALE", 400)], history.slice(0, 2))).toEqual([]);
    const flat = [0, 0, 0].map((v, i) => point("DEATHS", "NONE", v, "00001", String(2023 - i)));
    expect(findOutliers([point("DEATHS", "NONE", 2)], flat)).toEqual([]);
    expect(findOutliers([point("DEATHS", "NONE", 4)], flat)).toHaveLength(1);
  });
});

it("takes the same period of the earlier years as history", () => {
  expect(samePeriodInPreviousYears("2024")).toEqual(["2023", "2022", "2021", "2020", "2019"]);
  expect(samePeriodInPreviousYears("2024Q3", 2)).toEqual(["2023Q3", "2022Q3"]);
  expect(samePeriodInPreviousYears("202402", 2)).toEqual(["202302", "202202"]);
  expect(samePeriodInPreviousYears("1901", 3)).toEqual(["1900"]);
});
