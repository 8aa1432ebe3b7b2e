import { parsePeriod, periodProblem } from "../period";

describe("parsePeriod", () => {
  it("reads years, quarters and months", () => {
    expect(parsePeriod("2023")).toEqual({ id: "2023", type: "YEARLY", year: 2023 });
    expect(parsePeriod("2023Q4")).toEqual({ id: "2023Q4", type: "QUARTERLY", year: 2023, index: 4 });
    expect(parsePeriod("202301")).toEqual({ id: "202301", type: "MONTHLY", year: 2023, index: 1 });
    expect(parsePeriod("202312")).toEqual({ id: "202312", type: "MONTHLY", year: 2023, index: 12 });
  });

  it.each(["", "23", "2023Q0", "2023Q5", "2023q1", "202300", "202313", "2023-01", " 2023", "2023 ", "1899", "2101", "20231", "2023W01", "2023S1"])(
    "refuses %j",
    (id) => {
      expect(parsePeriod(id)).toBeNull();
      expect(periodProblem(id)).toMatch(/must be a year \(2023\), a quarter \(2023Q1\) or a month \(202301\)/);
    },
  );

  it("has no problem with a valid period", () => {
    expect(periodProblem("2030")).toBeNull();
  });
});
