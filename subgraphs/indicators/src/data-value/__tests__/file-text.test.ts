// The text rules of value files on their own: strict UTF-8, what a value may look like, and the
// quote that keeps a comment from being read as a spreadsheet formula.
import { Readable } from "node:stream";
import { ValueFileError, decodedText, escapeFormula, readValue, readValueIn, unescapeFormula, utf8Text } from "../data-value.file-text";

async function decode(chunks: Buffer[]): Promise<string> {
  let text = "";
  for await (const part of Readable.from(chunks).pipe(utf8Text())) text += part;
  return text;
}

describe("utf8Text", () => {
  it("passes UTF-8 text through, a character split across chunks included", async () => {
    const bytes = Buffer.from("comment\nBình Sơn, ghi chú\n", "utf8");
    const split = bytes.indexOf(Buffer.from("ơ", "utf8")) + 1; // inside the two bytes of "ơ"
    expect(await decode([bytes.subarray(0, split), bytes.subarray(split)])).toBe("comment\nBình Sơn, ghi chú\n");
  });

  it("refuses bytes that are not UTF-8, and a NUL, naming the line", async () => {
    const latin1 = Buffer.concat([Buffer.from("a,b\nc,d\nB"), Buffer.from([0xec]), Buffer.from("nh\n")]);
    await expect(decode([latin1])).rejects.toMatchObject({ reason: "NOT_TEXT", line: 3 });
    await expect(decode([Buffer.from("a,b\n"), Buffer.from("c\u0000d\n")])).rejects.toMatchObject({ reason: "NOT_TEXT", line: 2 });
    // a file ending inside a character
    await expect(decode([Buffer.from([0x61, 0xc3])])).rejects.toBeInstanceOf(ValueFileError);
  });
});

describe("readValue", () => {
  it("reads JSON numbers and decimal strings", () => {
    expect(["12", " 7 ", "-3", "+4", "0.25", "1.5e3", "1E-2"].map(readValue)).toEqual([12, 7, -3, 4, 0.25, 1500, 0.01]);
    expect(readValue(42)).toBe(42);
  });

  it("refuses hexadecimal and other notations Number() would take, arrays, and what is missing or out of range", () => {
    for (const raw of ["0x10", "0b11", "0o7", "1_000", "1,5", ".5", "5.", "Infinity", "NaN", "12 %"]) {
      expect(readValue(raw)).toEqual({ problem: `value must be a decimal number such as 12 or 0.5, got "${raw}"` });
    }
    expect(readValue([5])).toEqual({ problem: "value must be a number, got [5]" });
    expect(readValue(true)).toEqual({ problem: "value must be a number, got true" });
    expect(readValue({ value: 5 })).toEqual({ problem: 'value must be a number, got {"value":5}' });
    for (const raw of [undefined, null, ""]) expect(readValue(raw)).toEqual({ problem: "value is missing" });
    expect(readValue("1e309")).toEqual({ problem: 'value is out of range, got "1e309"' });
    expect(readValue(Number.POSITIVE_INFINITY)).toEqual({ problem: "value is out of range" });
  });
});

describe("decodedText", () => {
  it("decodes UTF-16 of either byte order, removing the byte-order mark", async () => {
    const text = "a\tBỉm Sơn\r\n";
    for (const [encoding, bytes] of [
      ["utf-16le", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])],
      ["utf-16be", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()])],
    ] as const) {
      let decoded = "";
      for await (const part of Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]).pipe(decodedText(encoding))) decoded += part;
      expect(decoded).toBe(text);
    }
  });
});

describe("readValueIn", () => {
  it("reads thousands separators in exact groups only, and the decimal mark of the file's notation", () => {
    expect(["1,234", "12,345.5", "-1,234,567", "0.5"].map((raw) => readValueIn(raw, "point"))).toEqual([1234, 12345.5, -1234567, 0.5]);
    expect(["1.234", "1.234,5", "0,5", "12"].map((raw) => readValueIn(raw, "comma"))).toEqual([1234, 1234.5, 0.5, 12]);
    expect(["1,5", "1.5", "1,234.5", "1.234,5", "1234"].map((raw) => readValueIn(raw, "either"))).toEqual([1.5, 1.5, 1234.5, 1234.5, 1234]);
    for (const raw of ["1,5", "1,2345", "12,34"]) expect(readValueIn(raw, "point")).toEqual({ problem: expect.stringContaining(`got "${raw}"`) });
    for (const raw of ["1.5", "1.2345", "1e3"]) expect(readValueIn(raw, "comma")).toEqual({ problem: expect.stringContaining(`got "${raw}"`) });
    for (const raw of ["1.234", "1,234"])
      expect(readValueIn(raw, "either")).toEqual({ problem: expect.stringMatching(/ambiguous|decimal point and .* decimal comma/) });
  });
});

describe("escapeFormula / unescapeFormula", () => {
  it("puts a quote before a comment a spreadsheet would run as a formula", () => {
    expect(["=1+1", "+84 912", "-5 since 2023", "@SUM(A1)", "\tx", "\rx"].map(escapeFormula)).toEqual([
      "'=1+1",
      "'+84 912",
      "'-5 since 2023",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
    ]);
    expect(["late report", "'tis", "a=b", ""].map(escapeFormula)).toEqual(["late report", "'tis", "a=b", ""]);
  });

  it("is undone exactly by unescapeFormula, comments that already start with quotes included", () => {
    const comments = ["=1+1", "'=1+1", "''@x", "'tis", "''", "plain", "-", "'-", " =spaced", ""];
    for (const comment of comments) expect(unescapeFormula(escapeFormula(comment))).toBe(comment);
    // a quote typed before something harmless is the comment's own
    expect(unescapeFormula("'tis")).toBe("'tis");
  });
});
