import { monthOfDate, periodMonths, periodMonthsProblem } from "../period-months";

describe("periodMonths", () => {
  it("lists the months of a year, a quarter and a month", () => {
    expect(periodMonths("2023")).toHaveLength(12);
    expect(periodMonths("2023")?.[11]).toBe("202312");
    expect(periodMonths("2023Q4")).toEqual(["202310", "202311", "202312"]);
    expect(periodMonths("202311")).toEqual(["202311"]);
    expect(periodMonths("2025S2")).toEqual(["202507", "202508", "202509", "202510", "202511", "202512"]);
  });

  it("refuses anything else", () => {
    for (const bad of ["2023-11", "2023q1", "202313", "2023Q5", "1899", "23"]) expect(periodMonths(bad)).toBeNull();
    expect(periodMonthsProblem("2023-11")).toMatch(/must be a year \(2023\), a half-year \(2023S2\), a quarter \(2023Q1\) or a month \(202301\)/);
  });

  it("gives the month of a date", () => {
    expect(monthOfDate("2023-11-15")).toBe("202311");
  });
});
