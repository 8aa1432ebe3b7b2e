import { parseFigure, parseVietnameseNumber } from "../figure";

describe("figures of Vietnamese plan tables", () => {
  it("reads decimal commas and thousands dots", () => {
    expect(parseVietnameseNumber("44,5")).toBe(44.5);
    expect(parseVietnameseNumber("30,91")).toBe(30.91);
    expect(parseVietnameseNumber("100.000")).toBe(100000);
    expect(parseVietnameseNumber("1.234,5")).toBe(1234.5);
    expect(parseVietnameseNumber("12.5")).toBeNull();
  });

  it("scales a/b by the indicator's factor: 112/100 boys per 100 girls is 112", () => {
    expect(parseFigure("112/100", 100)).toEqual({ ok: true, value: 112, footnote: false });
    expect(parseFigure("108/102", 100)).toMatchObject({ ok: true, value: 105.882353 });
    expect(parseFigure("36/100.000", 100000)).toMatchObject({ ok: true, value: 36 });
    expect(parseFigure("38,4/100.000", 100000)).toMatchObject({ ok: true, value: 38.4 });
  });

  it("keeps a bound, a percent sign and a footnote mark apart from the value", () => {
    expect(parseFigure("< 86/100.000", 100000)).toEqual({ ok: true, value: 86, bound: "AT_MOST", footnote: false });
    expect(parseFigure("90%", 100)).toMatchObject({ ok: true, value: 90 });
    expect(parseFigure("27*", 100)).toEqual({ ok: true, value: 27, footnote: true });
  });

  it("refuses text and ranges with a reason", () => {
    expect(parseFigure("Chưa phát hiện", 100)).toEqual({ ok: false, reason: '"Chưa phát hiện" (none detected) is not a figure' });
    expect(parseFigure("94,5 - 95", 100)).toEqual({ ok: false, reason: '"94,5 - 95" is a range, not one target value' });
    expect(parseFigure("Bố trí đủ cán bộ", 1)).toMatchObject({ ok: false, reason: '"Bố trí đủ cán bộ" is not a figure' });
    expect(parseFigure("5/0", 100)).toMatchObject({ ok: false });
  });
});
