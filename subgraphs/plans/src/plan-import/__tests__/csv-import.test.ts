import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { repoRoot } from "@vnge/shared";
import { DEFAULT_CATALOGUE } from "@vnge/indicators";
import { catalogueOf } from "../../catalogue/indicator-catalogue";
import { CsvFormatError, parseTargetTable } from "../csv-import";

const FIXTURE = path.join(repoRoot, "tests", "fixtures", "kon-tum-2017-appendix.csv");

describe("the Kon Tum 2017 appendix as a target table", () => {
  const csv = fs.readFileSync(FIXTURE, "utf8");
  const table = parseTargetTable(csv, catalogueOf(DEFAULT_CATALOGUE));
  const rows = (parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[]).map((row, i) => ({
    indicator_code: row.indicator_code,
    line: i + 2,
  }));

  it("accounts for every row: each becomes targets or is reported with its reason", () => {
    expect(table.rows).toBe(rows.length);
    for (const row of rows) {
      const drafts = table.drafts.filter((draft) => draft.line === row.line);
      const problems = table.problems.filter((problem) => problem.line === row.line);
      expect({ line: row.line, accounted: drafts.length + problems.length > 0 }).toEqual({ line: row.line, accounted: true });
      for (const problem of problems) expect(problem.message).not.toBe("");
    }
  });

  it("lands both years of each row that names a catalogue indicator, and reports the rows that name none", () => {
    const coded = rows.filter((row) => row.indicator_code !== "");
    expect(new Set(table.drafts.map((draft) => draft.line))).toEqual(new Set(coded.map((row) => row.line)));
    expect(table.drafts).toHaveLength(coded.length * 2);
    const uncoded = rows.filter((row) => row.indicator_code === "").map((row) => row.line);
    expect([...new Set(table.problems.map((problem) => problem.line))].sort((a, b) => a - b)).toEqual(uncoded);
  });

  it("stores the sex ratio at birth target 112/100 for 2017 as 112 boys per 100 girls, the baseline 108/102 per 100", () => {
    const srb = table.drafts.find((draft) => draft.indicatorCode === "SEX_RATIO_AT_BIRTH" && draft.period === "2017")!;
    expect(srb).toMatchObject({ targetValue: 112, comparison: "AT_MOST", baselinePeriod: "2016", sourceText: "112/100", responsibleAgency: "Sở Y tế" });
    expect(srb.baselineValue).toBeCloseTo(105.88, 2);
    const mmr = table.drafts.find((draft) => draft.indicatorCode === "MATERNAL_MORTALITY_RATIO" && draft.period === "2017")!;
    expect(mmr).toMatchObject({ targetValue: 38.4, baselineValue: 36 });
  });

  it("keeps 'Chưa phát hiện' (none detected) as a note and says so", () => {
    const trafficking = table.drafts.filter((draft) => draft.indicatorCode === "TRAFFICKING_VICTIMS_SUPPORTED_SHARE");
    expect(trafficking.map((draft) => [draft.period, draft.targetValue, draft.baselineValue])).toEqual([
      ["2017", 100, null],
      ["2020", 100, null],
    ]);
    expect(trafficking[0].notes).toBe("Baseline 2016: Chưa phát hiện");
    expect(table.warnings).toEqual([
      expect.objectContaining({ line: trafficking[0].line, column: "baseline:2016", message: expect.stringContaining("none detected") }),
    ]);
  });

  it("names the unreadable figures of rows that give no target, too", () => {
    const literacy = table.problems.filter((problem) => problem.indicator.startsWith("Tỷ lệ biết chữ"));
    expect(literacy.map((problem) => [problem.column, problem.message])).toEqual([
      ["indicator_code", "no indicator of the catalogue matches this row (indicator_code is blank)"],
      ["target:2017", '"94,5 - 95" is a range, not one target value'],
    ]);
    const staffing = table.problems.filter((problem) => problem.indicator.startsWith("Bố trí đủ cán bộ"));
    expect(staffing.map((problem) => problem.column)).toEqual(["indicator_code", "baseline:2016", "target:2017", "target:2020"]);
  });
});

describe("target tables", () => {
  const catalogue = catalogueOf(DEFAULT_CATALOGUE);
  const header = "indicator,indicator_code,unit,baseline:2020,target:2025,comparison,sex,responsible_agency,note";

  it("reads the unit column and refuses a row whose unit is not its indicator's", () => {
    const table = parseTargetTable(
      [
        header,
        "A,SEX_RATIO_AT_BIRTH,%,110,108,AT_MOST,,,",
        "B,SEX_RATIO_AT_BIRTH,Tỷ số,110/100,108/100,AT_MOST,,,",
        "C,MATERNAL_MORTALITY_RATIO,Lần,50/100.000,40/100.000,AT_MOST,,,",
      ].join("\n"),
      catalogue,
    );
    expect(table.problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [2, "unit", "the row's unit \"%\" is not the indicator's (BOYS_PER_100_GIRLS): check indicator_code"],
      [4, "unit", "the row's unit \"Lần\" is not the indicator's (PER_100000): check indicator_code"],
    ]);
    expect(table.drafts.map((d) => d.line)).toEqual([3]);
  });

  it("keeps the baseline as written and a target's footnote mark in the target's note", () => {
    const table = parseTargetTable([header, "A,SEX_RATIO_AT_BIRTH,Tỷ số,108/102,107*,AT_MOST,,,(*) provisional"].join("\n"), catalogue);
    expect(table.drafts).toEqual([
      expect.objectContaining({
        baselineValue: 105.882353,
        targetValue: 107,
        sourceText: "107*",
        notes: '(*) provisional; Baseline 2020 as written: 108/102; 2025 "107*" carries a footnote mark (*)',
      }),
    ]);
  });

  it("reports unknown codes, bad comparisons, unreadable targets and conflicting bounds", () => {
    const table = parseTargetTable(
      [
        header,
        "A,NOT_AN_INDICATOR,%,1,2,AT_LEAST,,,",
        "B,SEX_RATIO_AT_BIRTH,,110/100,108/100,BELOW,,,",
        "C,SEX_RATIO_AT_BIRTH,,110/100,Giảm,AT_MOST,,,",
        "D,SEX_RATIO_AT_BIRTH,,110/100,> 108/100,AT_MOST,,,",
        "E,LIVE_BIRTHS,,,500,AT_LEAST,FEMALE,,",
      ].join("\n"),
      catalogue,
    );
    expect(table.problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [2, "indicator_code", 'unknown indicator "NOT_AN_INDICATOR": not in the indicator catalogue'],
      [3, "comparison", 'comparison "BELOW" must be one of AT_LEAST, AT_MOST, MAINTAIN, EXACT'],
      [4, "target:2025", '"Giảm" is not a figure; no target for 2025'],
      [5, "target:2025", '"> 108/100" says AT_LEAST but the row\'s comparison is AT_MOST; no target for 2025'],
    ]);
    expect(table.drafts).toEqual([expect.objectContaining({ line: 6, indicatorCode: "LIVE_BIRTHS", sex: "FEMALE", targetValue: 500 })]);
  });

  it("refuses a table without its columns", () => {
    expect(() => parseTargetTable("indicator,unit\nA,%", catalogue)).toThrow(CsvFormatError);
    expect(() => parseTargetTable("indicator,unit\nA,%", catalogue)).toThrow("the CSV header lacks indicator_code, comparison, target:<year>");
  });
});
