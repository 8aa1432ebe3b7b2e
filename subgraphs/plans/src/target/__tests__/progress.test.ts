import { AT_RISK_BAND, type ProgressTarget, assessProgress, expectedAt, valueForSex } from "../progress";

const yearly = (comparison: ProgressTarget["comparison"], targetValue: number): ProgressTarget => ({
  comparison,
  targetValue,
  year: 2023,
  baselineValue: null,
  baselineYear: null,
});

describe("progress at the target's own year", () => {
  it("counts a value exactly on target as achieved, for at-least and at-most alike", () => {
    expect(assessProgress(yearly("AT_LEAST", 80), 80, 2023)).toMatchObject({ status: "ACHIEVED", gap: 0 });
    expect(assessProgress(yearly("AT_MOST", 112), 112, 2023)).toMatchObject({ status: "ACHIEVED", gap: 0 });
  });

  it("reads the direction from the comparison: above the target meets AT_LEAST and misses AT_MOST", () => {
    expect(assessProgress(yearly("AT_LEAST", 100), 101, 2023).status).toBe("ACHIEVED");
    expect(assessProgress(yearly("AT_MOST", 100), 101, 2023)).toMatchObject({ status: "AT_RISK", gap: 1 });
    expect(assessProgress(yearly("AT_MOST", 100), 99, 2023).status).toBe("ACHIEVED");
    expect(assessProgress(yearly("AT_LEAST", 100), 99, 2023)).toMatchObject({ status: "AT_RISK", gap: -1 });
  });

  it("puts the AT_RISK / OFF_TRACK edge at a shortfall of 10% of the target", () => {
    const edge = 100 * (1 - AT_RISK_BAND);
    expect(assessProgress(yearly("AT_LEAST", 100), edge, 2023).status).toBe("AT_RISK");
    expect(assessProgress(yearly("AT_LEAST", 100), edge - 0.01, 2023).status).toBe("OFF_TRACK");
    expect(assessProgress(yearly("AT_MOST", 100), 110, 2023).status).toBe("AT_RISK");
    expect(assessProgress(yearly("AT_MOST", 100), 110.01, 2023).status).toBe("OFF_TRACK");
  });

  it("gives NO_DATA, not a status, when there is no value", () => {
    expect(assessProgress(yearly("AT_LEAST", 80), null, 2023)).toEqual({ status: "NO_DATA", value: null, expected: 80, gap: null, gapToExpected: null });
  });

  it("keeps MAINTAIN at or above the target and EXACT within 1%", () => {
    expect(assessProgress(yearly("MAINTAIN", 95), 95, 2023).status).toBe("ACHIEVED");
    expect(assessProgress(yearly("MAINTAIN", 95), 90, 2023).status).toBe("AT_RISK");
    expect(assessProgress(yearly("EXACT", 100), 100.9, 2023).status).toBe("ACHIEVED");
    expect(assessProgress(yearly("EXACT", 100), 98.5, 2023).status).toBe("AT_RISK");
    expect(assessProgress(yearly("EXACT", 100), 120, 2023).status).toBe("OFF_TRACK");
  });
});

describe("progress of a multi-year target before its year", () => {
  const fiveYear: ProgressTarget = { comparison: "AT_LEAST", targetValue: 60, year: 2025, baselineValue: 40, baselineYear: 2020 };

  it("interpolates the expected value in a straight line from the baseline", () => {
    expect(expectedAt(fiveYear, 2020)).toBe(40);
    expect(expectedAt(fiveYear, 2023)).toBe(52);
    expect(expectedAt(fiveYear, 2025)).toBe(60);
    expect(expectedAt({ ...fiveYear, baselineValue: null }, 2023)).toBe(60);
  });

  it("is ON_TRACK on or ahead of the path, AT_RISK just behind it, OFF_TRACK well behind", () => {
    expect(assessProgress(fiveYear, 52, 2023)).toMatchObject({ status: "ON_TRACK", expected: 52, gap: -8, gapToExpected: 0 });
    expect(assessProgress(fiveYear, 48, 2023)).toMatchObject({ status: "AT_RISK", gapToExpected: -4 });
    expect(assessProgress(fiveYear, 45, 2023).status).toBe("OFF_TRACK");
    expect(assessProgress(fiveYear, 61, 2023).status).toBe("ACHIEVED");
  });

  it("follows a falling path for an at-most target", () => {
    const falling: ProgressTarget = { comparison: "AT_MOST", targetValue: 110, year: 2030, baselineValue: 115, baselineYear: 2020 };
    expect(expectedAt(falling, 2025)).toBe(112.5);
    expect(assessProgress(falling, 112, 2025).status).toBe("ON_TRACK");
    expect(assessProgress(falling, 114, 2025).status).toBe("AT_RISK");
  });
});

describe("sex-specific targets", () => {
  const actual = { total: 50, male: 70, female: 30 };

  it("judge only their sex's value, so a target met for one sex only is met for that sex and missed for the other", () => {
    const target = yearly("AT_LEAST", 60);
    expect(assessProgress(target, valueForSex(actual, "MALE"), 2023).status).toBe("ACHIEVED");
    expect(assessProgress(target, valueForSex(actual, "FEMALE"), 2023)).toMatchObject({ status: "OFF_TRACK", value: 30, gap: -30 });
    expect(assessProgress(target, valueForSex(actual, null), 2023)).toMatchObject({ status: "OFF_TRACK", value: 50 });
  });

  it("have NO_DATA when only the other sex has a value", () => {
    expect(valueForSex({ total: 5, male: 5, female: null }, "FEMALE")).toBeNull();
    expect(valueForSex(null, null)).toBeNull();
  });
});
