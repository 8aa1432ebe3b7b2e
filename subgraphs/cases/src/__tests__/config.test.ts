import { suppressionThreshold } from "../config";

describe("suppressionThreshold", () => {
  it("is 5 unless CASE_SUPPRESSION_THRESHOLD says otherwise, and refuses nonsense", () => {
    expect(suppressionThreshold({})).toBe(5);
    expect(suppressionThreshold({ CASE_SUPPRESSION_THRESHOLD: "10" })).toBe(10);
    expect(() => suppressionThreshold({ CASE_SUPPRESSION_THRESHOLD: "0" })).toThrow(/whole number >= 1/);
    expect(() => suppressionThreshold({ CASE_SUPPRESSION_THRESHOLD: "five" })).toThrow(/whole number >= 1/);
  });
});
