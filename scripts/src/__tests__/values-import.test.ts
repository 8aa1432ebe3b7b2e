// values:import on files that are not files of values: a clear line naming the file and the reason,
// and the exit code of a refusal (2), never a stack trace or exit 1 of a failure.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@vnge/shared/testing/test-database";
import { importValues } from "../values-import";

let db: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), "values-import-cli-"));
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db?.dispose();
});

const run = (name: string, content: string | Buffer) => {
  const file = join(dir, name);
  writeFileSync(file, content);
  return importValues(db, file, { dryRun: false, submittedBy: "cli-test" });
};

describe("importValues (values:import)", () => {
  it.each([
    ["no-value.csv", "data_element,area_code,period,sex\nLIVE_BIRTHS,00001,2030,MALE\n", "refused, nothing written: line 1: the header lacks the column value"],
    [
      "open-quote.csv",
      'data_element,area_code,period,sex,value,status,comment\nLIVE_BIRTHS,00001,2030,MALE,5,,"late\n',
      "refused, nothing written: line 2: the file is not valid CSV: Quote Not Closed",
    ],
    ["binary.csv", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), "refused, nothing written: line 1: the file is not text"],
    ["empty.jsonl", "", "refused, nothing written: the file holds no values"],
  ])("refuses %s with the reason and exit code 2", async (name, content, message) => {
    const report = await run(name, content);
    expect(report.exitCode).toBe(2);
    expect(report.lines).toHaveLength(1);
    expect(report.lines[0]).toContain(`${join(dir, name)}: ${message}`);
  });

  it("lists a value in hexadecimal by its line", async () => {
    const report = await run("hex.csv", "data_element,area_code,period,sex,value\nLIVE_BIRTHS,00001,2030,MALE,0x10\n");
    expect(report).toEqual({
      exitCode: 2,
      lines: [expect.stringContaining("1 rows, refused, nothing written"), '  line 2 (value): value must be a decimal number such as 12 or 0.5, got "0x10"'],
    });
  });
});
