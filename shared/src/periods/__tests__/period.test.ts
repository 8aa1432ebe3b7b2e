import { parsePeriod, periodEndDate, periodProblem } from "../period";

describe("parsePeriod", () => {
  it("reads years, half-years, quarters and months", () => {
    expect(parsePeriod("2023")).toEqual({ id: "2023", type: "YEARLY", year: 2023 });
    expect(parsePeriod("2025S2")).toEqual({ id: "2025S2", type: "SIX_MONTHLY", year: 2025, index: 2 });
    expect(parsePeriod("2023Q4")).toEqual({ id: "2023Q4", type: "QUARTERLY", year: 2023, index: 4 });
    expect(parsePeriod("202301")).toEqual({ id: "202301", type: "MONTHLY", year: 2023, index: 1 });
    expect(parsePeriod("202312")).toEqual({ id: "202312", type: "MONTHLY", year: 2023, index: 12 });
  });

  it.each([
    "",
    "23",
    "2023Q0",
    "2023Q5",
    "2023q1",
    "202300",
    "202313",
    "2023-01",
    " 2023",
    "2023 ",
    "1899",
    "2101",
    "20231",
    "2023W01",
    "2023S0",
    "2023S3",
    "2023s1",
  ])("refuses %j", (id) => {
    expect(parsePeriod(id)).toBeNull();
    expect(periodProblem(id)).toMatch(/must be a year \(2023\), a half-year \(2023S2\), a quarter \(2023Q1\) or a month \(202301\)/);
  });

  it("gives each kind of period's last day, the day that picks its hierarchy version", () => {
    const end = (id: string) => periodEndDate(parsePeriod(id)!);
    expect(end("2025")).toBe("2025-12-31");
    expect(end("2025S1")).toBe("2025-06-30");
    expect(end("2025S2")).toBe("2025-12-31");
    expect(end("2025Q2")).toBe("2025-06-30");
    expect(end("2024Q1")).toBe("2024-03-31");
    expect(end("202402")).toBe("2024-02-29");
    expect(end("202507")).toBe("2025-07-31");
  });

  it("has no problem with a valid period", () => {
    expect(periodProblem("2030")).toBeNull();
  });
});
