// File import and export against a database: streamed batches, line numbers of bad rows, dry runs,
// idempotence and the export/import round trip.
import { mkdtempSync, rmSync, writeFileSync, createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AreaDirectory, AreaScope, NATION_CODE } from "@vnge/shared";
import type { TestDatabase } from "@vnge/shared/testing/test-database";
import { FIXTURE_AREAS, openFixtureDatabase } from "../../__tests__/harness";
import { createDataValueService } from "../../context";
import { exportValues, type FileImportProgress, importValueFile } from "../data-value.file";

let db: TestDatabase;
let dir: string;
beforeAll(async () => {
  db = await openFixtureDatabase();
  dir = mkdtempSync(join(tmpdir(), "value-files-"));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db?.dispose();
});

const COMMUNES = FIXTURE_AREAS.filter((a) => a.level === "COMMUNE").map((a) => a.code);
const service = () => createDataValueService(db, new AreaScope(new AreaDirectory(db), [NATION_CODE]));

/** 8 communes x 2 sexes x 2 elements x 150 months = 4,800 rows, generated, with a quoted comment now and then. */
function generatedCsv(): string {
  const lines = ["data element,area code,period,sex,value,status,comment"];
  for (let m = 0; m < 150; m++) {
    const period = `${2000 + Math.floor(m / 12)}${String((m % 12) + 1).padStart(2, "0")}`;
    for (const element of ["LIVE_BIRTHS", "RURAL_WORKERS"]) {
      for (const area of COMMUNES) {
        for (const sex of ["MALE", "FEMALE"]) {
          const n = lines.length;
          lines.push(
            [element, area, period, sex, String((n * 13) % 101), n % 7 === 0 ? "PROVISIONAL" : "", n % 50 === 0 ? `"checked, ""twice"""` : ""].join(","),
          );
        }
      }
    }
  }
  return `${lines.join("\n")}\n`;
}

describe("importValueFile", () => {
  it("imports a generated CSV in batches, then a second run finds every row unchanged", async () => {
    const file = join(dir, "generated.csv");
    writeFileSync(file, generatedCsv());
    const progress: FileImportProgress[] = [];
    const first = await importValueFile(service(), file, { submittedBy: "file-test", batchSize: 1_000, onProgress: (p) => progress.push(p) });
    expect(first).toEqual({ rows: 4800, imported: 4800, updated: 0, unchanged: 0, rejected: 0, conflicts: [], warnings: [], written: true });
    expect(await db.prisma.dataValue.count({ where: { submittedBy: "file-test" } })).toBe(4800);
    // five batches checked, five written; the last report of each pass has read the whole file
    expect(progress.filter((p) => p.phase === "check")).toHaveLength(5);
    expect(progress.filter((p) => p.phase === "write")).toHaveLength(5);
    expect(progress[progress.length - 1].bytesRead).toBe(progress[progress.length - 1].totalBytes);
    const stored = await db.prisma.dataValue.findUnique({
      where: { dataElementCode_period_areaCode_sex: { dataElementCode: "LIVE_BIRTHS", period: "200001", areaCode: COMMUNES[0], sex: "MALE" } },
    });
    expect(stored).toMatchObject({ value: 13 % 101, status: "FINAL", comment: null });

    const again = await importValueFile(service(), file, { submittedBy: "file-test", batchSize: 1_000 });
    expect(again).toEqual({ rows: 4800, imported: 0, updated: 0, unchanged: 4800, rejected: 0, conflicts: [], warnings: [], written: true });
    // first submissions are the value rows themselves, and the second run changed nothing
    expect(await db.prisma.dataValueAudit.count({ where: { changedBy: "file-test" } })).toBe(0);
  });

  it("refuses a file with bad rows whole, naming each by its line; a dry run of a good file writes nothing", async () => {
    const before = await db.prisma.dataValue.count();
    const file = join(dir, "bad.csv");
    const rows = ["data_element,area_code,period,sex,value,status,comment"];
    for (let i = 0; i < 2_500; i++) {
      const month = Math.floor(i / 8);
      rows.push(`MATERNAL_DEATHS,${COMMUNES[i % 8]},${2000 + Math.floor(month / 12)}${String((month % 12) + 1).padStart(2, "0")},,${i % 5},,`);
    }
    rows[1201] = `MATERNAL_DEATHS,${COMMUNES[0]},1950,,-2,,`; // line 1202: a negative count
    rows[1999] = `NO_SUCH_ELEMENT,${COMMUNES[0]},1950,,1,,`; // line 2000
    rows[2400] = `MATERNAL_DEATHS,${COMMUNES[0]},2000,MALE,1,,`; // line 2401: sex on an element not split by sex
    rows[2401] = `MATERNAL_DEATHS,${COMMUNES[1]},2000,,1,DRAFT,`; // line 2402: unknown status
    writeFileSync(file, `${rows.join("\r\n")}\r\n`);
    const refused = await importValueFile(service(), file, { submittedBy: "file-test", batchSize: 1_000 });
    expect(refused.written).toBe(false);
    expect(refused.rejected).toBe(4);
    expect(refused.conflicts.map((c) => [c.line, c.field])).toEqual([
      [1202, "value"],
      [2000, "dataElementCode"],
      [2401, "sex"],
      [2402, "status"],
    ]);
    expect(refused.conflicts[0].message).toBe("MATERNAL_DEATHS is a count: value must be a whole number >= 0, got -2");
    expect(await db.prisma.dataValue.count()).toBe(before);

    rows.splice(1201, 1, `MATERNAL_DEATHS,${COMMUNES[1]},2040,,2,,`);
    rows.splice(1999, 1, `MATERNAL_DEATHS,${COMMUNES[2]},2040,,2,,`);
    rows.splice(2400, 2, `MATERNAL_DEATHS,${COMMUNES[3]},2040,,2,,`, `MATERNAL_DEATHS,${COMMUNES[4]},2040,,2,,`);
    writeFileSync(file, `${rows.join("\n")}\n`);
    const dry = await importValueFile(service(), file, { submittedBy: "file-test", dryRun: true, batchSize: 1_000 });
    expect(dry).toEqual({ rows: 2500, imported: 2500, updated: 0, unchanged: 0, rejected: 0, conflicts: [], warnings: [], written: false });
    expect(await db.prisma.dataValue.count()).toBe(before);
  });

  it("round-trips: an exported province imports back as all unchanged, in CSV and in JSON", async () => {
    const csv = join(dir, "export.csv");
    const json = join(dir, "export.json");
    const selection = { areaCode: "01", period: "200003" };
    const csvOut = createWriteStream(csv);
    const exported = await exportValues(db, new AreaScope(new AreaDirectory(db), [NATION_CODE]), selection, "csv", csvOut);
    csvOut.end();
    await finished(csvOut);
    // province 01 holds communes 00001-00004: 4 communes x 2 sexes x 2 elements
    expect(exported).toEqual({ rows: 16, withheld: 0 });
    const jsonOut = createWriteStream(json);
    expect(await exportValues(db, new AreaScope(new AreaDirectory(db), [NATION_CODE]), selection, "json", jsonOut)).toEqual({ rows: 16, withheld: 0 });
    jsonOut.end();
    await finished(jsonOut);

    for (const file of [csv, json]) {
      const summary = await importValueFile(service(), file, { submittedBy: "round-trip" });
      expect(summary).toEqual({ rows: 16, imported: 0, updated: 0, unchanged: 16, rejected: 0, conflicts: [], warnings: [], written: true });
    }
    expect(await db.prisma.dataValueAudit.count({ where: { changedBy: "round-trip" } })).toBe(0);
  });

  it("refuses rows that would change values of an approved data set, by line, and writes none of the file", async () => {
    await db.prisma.dataApproval.create({
      data: { dataSetCode: "ANNUAL_GENDER_COMMUNE", period: "200002", areaCode: "001", state: "APPROVED", changedBy: "approver", changedAt: new Date() },
    });
    const file = join(dir, "locked.csv");
    // line 2: as stored (passes); line 3: a change under district 001 (locked); line 4: district 002, not approved
    const stored = (
      await db.prisma.dataValue.findUniqueOrThrow({
        where: { dataElementCode_period_areaCode_sex: { dataElementCode: "LIVE_BIRTHS", period: "200002", areaCode: "00001", sex: "MALE" } },
      })
    ).value;
    writeFileSync(
      file,
      [
        "data_element,area_code,period,sex,value,status,comment",
        `LIVE_BIRTHS,00001,200002,MALE,${stored},,`,
        "LIVE_BIRTHS,00002,200002,FEMALE,999,,",
        "LIVE_BIRTHS,00003,200002,FEMALE,999,,",
      ].join("\n"),
    );
    const summary = await importValueFile(service(), file, { submittedBy: "file-test" });
    expect(summary).toMatchObject({ rows: 3, rejected: 1, written: false });
    expect(summary.conflicts).toEqual([
      {
        line: 3,
        field: null,
        message:
          "locked: Annual gender statistics (communes) (ANNUAL_GENDER_COMMUNE) for area 00002, period 200002 is approved at district 001; the stored value cannot change until an approver returns it",
      },
    ]);
    expect(await db.prisma.dataValue.count({ where: { period: "200002", value: 999 } })).toBe(0);
  });

  it("refuses an export outside the caller's areas", async () => {
    const out = createWriteStream(join(dir, "refused.csv"));
    await expect(exportValues(db, new AreaScope(new AreaDirectory(db), ["02"]), { areaCode: "01", period: "200003" }, "csv", out)).rejects.toThrow(
      /outside your assigned areas/,
    );
    out.end();
  });
});
