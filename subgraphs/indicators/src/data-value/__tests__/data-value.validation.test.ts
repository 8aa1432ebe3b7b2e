import type { AreaLevel } from "@vnge/shared";
import { type AreaPlace, type ElementRule, type SubmittedValue, classifyAgainstStored, validateDataValues } from "../data-value.validation";

const elements = new Map<string, ElementRule>([
  ["BIRTHS", { code: "BIRTHS", valueType: "COUNT", disaggregatedBySex: true, collectionLevel: "COMMUNE" }],
  ["DEATHS", { code: "DEATHS", valueType: "COUNT", disaggregatedBySex: false, collectionLevel: "COMMUNE" }],
  ["HOURS", { code: "HOURS", valueType: "NUMBER", disaggregatedBySex: false, collectionLevel: "PROVINCE" }],
  ["SHARE", { code: "SHARE", valueType: "NUMBER", disaggregatedBySex: false, collectionLevel: "COMMUNE", maxValue: 100 }],
  ["SEATS", { code: "SEATS", valueType: "COUNT", disaggregatedBySex: false, collectionLevel: "COMMUNE", maxValue: 500 }],
]);
const levels = new Map<string, AreaLevel>([
  ["00001", "COMMUNE"],
  ["01", "PROVINCE"],
]);
// 2025S2 belongs to a later version in which commune 00001 no longer exists.
const areas = (areaCode: string, period: string): AreaPlace => {
  if (period === "2025S2") return { problem: `area "${areaCode}" does not exist in hierarchy 2025-07` };
  const level = levels.get(areaCode);
  return level ? { hierarchy: "2025-03", level } : { problem: `unknown area "${areaCode}"` };
};
const ok: SubmittedValue = { dataElementCode: "BIRTHS", areaCode: "00001", period: "2023", sex: "MALE", value: 5 };

const conflictsOf = (row: Partial<SubmittedValue>) => validateDataValues([{ ...ok, ...row }], elements, areas).conflicts;

describe("validateDataValues", () => {
  it("accepts good rows, storing sex NONE and status FINAL by default", () => {
    const result = validateDataValues(
      [
        ok,
        { dataElementCode: "DEATHS", areaCode: "00001", period: "2023Q2", value: 0 },
        { dataElementCode: "HOURS", areaCode: "01", period: "202312", value: -1.5 },
      ],
      elements,
      areas,
    );
    expect(result.conflicts).toEqual([]);
    expect(result.valid[1]).toEqual({
      dataElementCode: "DEATHS",
      areaCode: "00001",
      hierarchy: "2025-03",
      period: "2023Q2",
      sex: "NONE",
      value: 0,
      comment: null,
      status: "FINAL",
    });
    expect(result.valid[2].value).toBe(-1.5);
  });

  it.each<[string, Partial<SubmittedValue>, string, RegExp]>([
    ["an unknown element", { dataElementCode: "NOPE" }, "dataElementCode", /^unknown data element "NOPE"$/],
    ["an unknown area", { areaCode: "99999" }, "areaCode", /^unknown area "99999"$/],
    ["an area at the wrong level", { areaCode: "01" }, "areaCode", /^BIRTHS is collected at COMMUNE level; area 01 is a PROVINCE$/],
    ["an area of another hierarchy version than the period's", { period: "2025S2" }, "areaCode", /^area "00001" does not exist in hierarchy 2025-07$/],
    ["a bad period", { period: "2023M1" }, "period", /^period "2023M1" must be a year/],
    ["a negative count", { value: -1 }, "value", /^BIRTHS is a count: value must be a whole number >= 0, got -1$/],
    ["a fractional count", { value: 1.5 }, "value", /^BIRTHS is a count: value must be a whole number >= 0, got 1.5$/],
    ["a non-finite value", { value: Number.NaN }, "value", /^value must be a finite number/],
    ["a missing sex for a disaggregated element", { sex: null }, "sex", /^BIRTHS is disaggregated by sex: sex must be MALE or FEMALE$/],
    ["a sex for an undisaggregated element", { dataElementCode: "DEATHS", sex: "FEMALE" }, "sex", /^DEATHS is not disaggregated by sex: leave sex empty$/],
    ["an overlong comment", { comment: "x".repeat(1001) }, "comment", /^comment must be at most 1000 characters$/],
    ["a NUL character in a comment", { comment: "ab\u0000c" }, "comment", /^comment must not contain the NUL character \(U\+0000, at position 3\)$/],
    [
      "a count above the largest any count may be",
      { value: 1e20 },
      "value",
      /^BIRTHS accepts at most 1,000,000,000,000, got 100,000,000,000,000,000,000: check the figure$/,
    ],
    ["a count just above it", { value: 1e12 + 1 }, "value", /^BIRTHS accepts at most 1,000,000,000,000, got 1,000,000,000,001/],
    [
      "a count above its element's maximum",
      { dataElementCode: "SEATS", sex: null, value: 501 },
      "value",
      /^SEATS accepts at most 500, got 501: check the figure$/,
    ],
    [
      "a number above its element's maximum",
      { dataElementCode: "SHARE", sex: null, value: 100.5 },
      "value",
      /^SHARE accepts at most 100, got 100.5: check the figure$/,
    ],
    [
      "a number beyond the largest magnitude",
      { dataElementCode: "HOURS", areaCode: "01", sex: null, value: -2e15 },
      "value",
      /^value must be between -1,000,000,000,000,000 and 1,000,000,000,000,000, got -2000000000000000$/,
    ],
  ])("refuses %s", (_, row, field, message) => {
    const conflicts = conflictsOf(row);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toEqual({ index: 0, field, message: expect.stringMatching(message) });
  });

  it("accepts values at their bounds", () => {
    const rows: SubmittedValue[] = [
      { ...ok, value: 1e12 },
      { dataElementCode: "SEATS", areaCode: "00001", period: "2023", value: 500 },
      { dataElementCode: "SHARE", areaCode: "00001", period: "2023", value: 100 },
      { dataElementCode: "HOURS", areaCode: "01", period: "2023", value: -1e15 },
    ];
    expect(validateDataValues(rows, elements, areas).conflicts).toEqual([]);
  });

  it("refuses a key that appears twice in the batch, naming the first row", () => {
    const result = validateDataValues([ok, { ...ok, sex: "FEMALE" }, { ...ok, value: 6 }], elements, areas);
    expect(result.conflicts).toEqual([{ index: 2, field: null, message: expect.stringMatching(/^duplicate of row 0/) }]);
    expect(result.rejected).toBe(1);
  });

  it("reports every problem of a row and counts the row once", () => {
    const result = validateDataValues([{ ...ok, areaCode: "01", value: -2 }], elements, areas);
    expect(result.conflicts.map((c) => c.field)).toEqual(["areaCode", "value"]);
    expect(result.rejected).toBe(1);
    // Without a valid period there is no version to look the area up in: only the period is reported.
    expect(validateDataValues([{ ...ok, areaCode: "01", period: "23" }], elements, areas).conflicts.map((c) => c.field)).toEqual(["period"]);
  });

  it("carries the version each area was found in", () => {
    expect(validateDataValues([ok], elements, areas).valid[0].hierarchy).toBe("2025-03");
  });

  it("counts a row with several problems once", () => {
    const result = validateDataValues([{ ...ok, areaCode: "01", period: "23", value: -2 }], elements, areas);
    expect(result.conflicts.map((c) => c.field)).toEqual(["period", "value"]);
    expect(result.rejected).toBe(1);
  });
});

describe("classifyAgainstStored", () => {
  it("counts new, changed and unchanged values", () => {
    const rows = validateDataValues([ok, { ...ok, sex: "FEMALE" }, { ...ok, areaCode: "00001", sex: "MALE", period: "2024" }], elements, areas).valid;
    const stored = [{ ...rows[0] }, { ...rows[1], status: "PROVISIONAL" as const }];
    expect(classifyAgainstStored(rows, stored)).toEqual({ imported: 1, updated: 1, unchanged: 1 });
  });
});
