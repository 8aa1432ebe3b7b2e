// Files that are not files of values are refused whole with a reason (no value column, broken CSV,
// binary data, nothing in them); values in other notations are refused by line; comments survive an
// export and an import exactly, formulas neutralised in CSV.
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { AreaDirectory, AreaScope, NATION_CODE } from "@vnge/shared";
import type { TestDatabase } from "@vnge/shared/testing/test-database";
import { openFixtureDatabase } from "../../__tests__/harness";
import { createDataValueService } from "../../context";
import { type ValueFileFormat, exportValues, importValueFile } from "../data-value.file";
import { ValueFileError } from "../data-value.file-text";

let db: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), "value-file-refusals-"));
beforeAll(async () => {
  db = await openFixtureDatabase();
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db?.dispose();
});

const HEADER = "data_element,area_code,period,sex,value,status,comment";
const service = () => createDataValueService(db, new AreaScope(new AreaDirectory(db), [NATION_CODE]));
let files = 0;
function file(content: string | Buffer, extension = "csv"): string {
  const path = join(dir, `file-${++files}.${extension}`);
  writeFileSync(path, content);
  return path;
}
const importFile = (path: string) => importValueFile(service(), path, { submittedBy: "refusal-test" });
const stored = () => db.prisma.dataValue.count();

describe("files refused whole", () => {
  it.each([
    [
      "a header without the value column",
      file(`data_element,area_code,period,sex\nLIVE_BIRTHS,00001,2030,MALE\n`),
      "MISSING_COLUMNS",
      /^line 1: the header lacks the column value/,
    ],
    [
      "a quote never closed",
      file(`${HEADER}\nLIVE_BIRTHS,00001,2030,MALE,5,,"late\nLIVE_BIRTHS,00002,2030,MALE,6,,\n`),
      "MALFORMED_CSV",
      /the file is not valid CSV: Quote Not Closed/,
    ],
    [
      "a quote inside an unquoted field",
      file(`${HEADER}\nLIVE_BIRTHS,00001,2030,MALE,5,,la"te\n`),
      "MALFORMED_CSV",
      /^line 2: the file is not valid CSV: Invalid Opening Quote/,
    ],
    [
      "binary data",
      file(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0xff, 0xfe, 0x0a])),
      "NOT_TEXT",
      /^line 1: the file is not text/,
    ],
    [
      "a file in another encoding",
      file(Buffer.concat([Buffer.from(`${HEADER}\nLIVE_BIRTHS,00001,2030,MALE,5,,B`), Buffer.from([0xec]), Buffer.from("nh\n")])),
      "NOT_TEXT",
      /^line 2: /,
    ],
    ["an empty file", file(""), "EMPTY_FILE", /the file holds no values: it is empty/],
    ["a header alone", file(`${HEADER}\r\n`), "EMPTY_FILE", /it has a header but no rows/],
    ["an empty JSON array", file("[\n]\n", "json"), "EMPTY_FILE", /the file holds no values/],
    [
      "a JSON file with a NUL",
      file(`{"dataElement":"LIVE_BIRTHS","areaCode":"00001","period":"2030","sex":"MALE","value":5,"comment":"a\u0000b"}\n`, "json"),
      "NOT_TEXT",
      /^line 1: /,
    ],
  ])("%s", async (_what, path, reason, message) => {
    const before = await stored();
    const refusal = await importFile(path).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(ValueFileError);
    expect(refusal).toMatchObject({ reason, extensions: { code: "BAD_USER_INPUT", reason } });
    expect((refusal as Error).message).toMatch(message);
    expect(await stored()).toBe(before);
  });
});

describe("values in other notations", () => {
  it("refuses hexadecimal and other non-decimal values by line, in CSV and JSON", async () => {
    const csv = await importFile(file(`${HEADER}\nLIVE_BIRTHS,00001,2030,MALE,0x10,,\nLIVE_BIRTHS,00002,2030,MALE,12,,\nLIVE_BIRTHS,00003,2030,MALE,,,\n`));
    expect(csv).toMatchObject({ rows: 3, rejected: 2, written: false });
    expect(csv.conflicts).toEqual([
      { line: 2, field: "value", message: 'value must be a decimal number such as 12 or 0.5, got "0x10"' },
      { line: 4, field: "value", message: "value is missing" },
    ]);
    const json = await importFile(
      file(
        [
          `{"dataElement":"LIVE_BIRTHS","areaCode":"00001","period":"2030","sex":"MALE","value":[5]}`,
          `{"dataElement":"LIVE_BIRTHS","areaCode":"00002","period":"2030","sex":"MALE","value":"7"}`,
          `{"dataElement":"LIVE_BIRTHS","areaCode":"00003","period":"2030","sex":["MALE"],"value":7}`,
        ].join("\n"),
        "json",
      ),
    );
    expect(json.conflicts).toEqual([
      { line: 1, field: "value", message: "value must be a number, got [5]" },
      { line: 3, field: "sex", message: 'sex must be text, got ["MALE"]' },
    ]);
    expect(await db.prisma.dataValue.count({ where: { period: "2030" } })).toBe(0);
  });
});

describe("comments across an export and an import", () => {
  const COMMENTS = [
    "  spaced  ",
    '=HYPERLINK("http://example.test","x")',
    "+84 912 345 678",
    "-5 since 2023",
    "@SUM(A1:A9)",
    "'=already quoted",
    "'tis the season",
    "plain, with a comma",
  ];
  const selection = { areaCode: "01", period: "2031" };

  async function exported(format: ValueFileFormat): Promise<string> {
    const path = join(dir, `export-${++files}.${format}`);
    const out = createWriteStream(path);
    await exportValues(db, new AreaScope(new AreaDirectory(db), [NATION_CODE]), selection, format, out);
    out.end();
    await finished(out);
    return path;
  }

  beforeAll(async () => {
    const values = COMMENTS.map((comment, i) => ({
      dataElementCode: "LIVE_BIRTHS",
      areaCode: ["00001", "00002", "00003", "00004"][i % 4],
      period: selection.period,
      sex: i < 4 ? ("MALE" as const) : ("FEMALE" as const),
      value: i + 1,
      comment,
    }));
    expect(await service().submit(values, { submittedBy: "refusal-test" })).toMatchObject({ imported: COMMENTS.length, rejected: 0 });
  });

  it("writes a formula-like comment with a leading quote in CSV, as is in JSON", async () => {
    const csv = readFileSync(await exported("csv"), "utf8");
    expect(csv).toContain(`,"'=HYPERLINK(""http://example.test"",""x"")"\n`);
    expect(csv).toContain(",'+84 912 345 678\n");
    expect(csv).toContain(",'-5 since 2023\n");
    expect(csv).toContain(",'@SUM(A1:A9)\n");
    expect(csv).toContain(",''=already quoted\n");
    expect(csv).toContain(",'tis the season\n");
    expect(csv).toContain(',"  spaced  "\n');
    expect(csv).not.toMatch(/,[=+\-@][^,\n]*\n/);
    const json = readFileSync(await exported("json"), "utf8");
    expect(json).toContain('"comment":"=HYPERLINK(');
  });

  it("imports both exports back as unchanged, every comment exactly as stored", async () => {
    for (const format of ["csv", "json"] as const) {
      const summary = await importFile(await exported(format));
      expect(summary).toEqual({
        rows: COMMENTS.length,
        imported: 0,
        updated: 0,
        unchanged: COMMENTS.length,
        rejected: 0,
        conflicts: [],
        warnings: [],
        written: true,
      });
    }
    const rows = await db.prisma.dataValue.findMany({ where: { period: selection.period }, select: { comment: true } });
    expect(rows.map((r) => r.comment).sort()).toEqual([...COMMENTS].sort());
  });

  it("drops the spaces around an unquoted CSV field, keeps those inside quotes", async () => {
    await importFile(file(`${HEADER}\nLIVE_BIRTHS , 00005 ,2031, MALE , 3 ,,  late report  \nLIVE_BIRTHS,00006,2031,MALE,4,,"  quoted  "\n`));
    const comments = await db.prisma.dataValue.findMany({
      where: { period: "2031", areaCode: { in: ["00005", "00006"] } },
      orderBy: { areaCode: "asc" },
      select: { comment: true },
    });
    expect(comments).toEqual([{ comment: "late report" }, { comment: "  quoted  " }]);
  });
});
