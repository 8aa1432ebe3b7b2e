// Turns a plan's target table (CSV, columns as in the appendices of the provincial plans) into target
// drafts, and says for every row that cannot become a target why. Columns:
//   indicator, indicator_code, unit, baseline:<year>, target:<year> (one or more), comparison, sex,
//   responsible_agency, note
// indicator_code names the catalogue indicator the row is about (blank: none matches).
import { parse } from "csv-parse/sync";
import type { IndicatorCatalogue } from "../catalogue/indicator-catalogue";
import { TargetComparison } from "../target/progress";
import type { Sex } from "../target/target.enums";
import type { TargetDraft } from "../target/target.validation";
import { isYear } from "../target/target.validation";
import { parseFigure } from "./figure";
import { unitProblem } from "./unit";

export interface ImportDraft extends TargetDraft {
  /** Line of the CSV the target comes from (the header is line 1). */
  line: number;
  responsibleAgency: string | null;
  notes: string | null;
  sourceText: string;
}

export interface ImportIssue {
  line: number;
  indicator: string;
  /** The column the issue is about, e.g. "target:2017"; null for the whole row. */
  column: string | null;
  message: string;
}

export interface ParsedTable {
  rows: number;
  drafts: ImportDraft[];
  /** Rows or cells that did not become targets, with the reason. */
  problems: ImportIssue[];
  /** Cells kept only as text notes on a target that was imported (e.g. an unreadable baseline). */
  warnings: ImportIssue[];
}

const COMPARISONS = Object.values(TargetComparison) as string[];

export class CsvFormatError extends Error {}

/** A row that names no catalogue indicator, as written (for defining a local one from it). */
export interface UncodedRow {
  line: number;
  indicator: string;
  unit: string;
  comparison: string;
  /** The baseline and target cells. */
  figures: string[];
}

/** The rows of a table whose indicator_code is blank. */
export function uncodedRows(csv: string): UncodedRow[] {
  const { header, records } = readTable(csv);
  const column = (name: string) => header.indexOf(name);
  const figureColumns = header.flatMap((name, index) => (/^(baseline|target):\d{4}$/.test(name) ? [index] : []));
  return records.slice(1).flatMap((record, i) => {
    const cell = (index: number) => (index >= 0 ? (record[index] ?? "").trim() : "");
    if (cell(column("indicator_code"))) return [];
    return [
      {
        line: i + 2,
        indicator: cell(column("indicator")),
        unit: cell(column("unit")),
        comparison: cell(column("comparison")).toUpperCase(),
        figures: figureColumns.map(cell),
      },
    ];
  });
}

function readTable(csv: string): { header: string[]; records: string[][] } {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    throw new CsvFormatError(`the CSV cannot be read: ${(error as Error).message}`);
  }
  if (records.length === 0) throw new CsvFormatError("the CSV is empty");
  return { header: records[0].map((name) => name.trim().toLowerCase()), records };
}

/** `definedCodes`: for rows without indicator_code (by line), the indicator defined for them. */
export function parseTargetTable(csv: string, catalogue: IndicatorCatalogue, definedCodes: ReadonlyMap<number, string> = new Map()): ParsedTable {
  const { header, records } = readTable(csv);
  const column = (name: string) => header.indexOf(name);
  const missing = ["indicator", "indicator_code", "comparison"].filter((name) => column(name) === -1);
  const baselineColumns = header.flatMap((name, index) => (/^baseline:\d{4}$/.test(name) ? [{ index, period: name.slice(9) }] : []));
  const targetColumns = header.flatMap((name, index) => (/^target:\d{4}$/.test(name) ? [{ index, name, period: name.slice(7) }] : []));
  if (targetColumns.length === 0) missing.push("target:<year>");
  if (baselineColumns.length > 1) throw new CsvFormatError("at most one baseline:<year> column");
  if (missing.length > 0) throw new CsvFormatError(`the CSV header lacks ${missing.join(", ")}`);
  const baseline = baselineColumns[0];

  const table: ParsedTable = { rows: records.length - 1, drafts: [], problems: [], warnings: [] };
  records.slice(1).forEach((record, i) => {
    const line = i + 2;
    const cell = (index: number) => (index >= 0 ? (record[index] ?? "").trim() : "");
    const indicatorText = cell(column("indicator"));
    const issue = (columnName: string | null, message: string): ImportIssue => ({ line, indicator: indicatorText, column: columnName, message });
    const code = cell(column("indicator_code")) || definedCodes.get(line) || "";
    const rowProblems: ImportIssue[] = [];
    const indicator = code ? catalogue.get(code) : undefined;
    if (!code) rowProblems.push(issue("indicator_code", "no indicator of the catalogue matches this row (indicator_code is blank)"));
    else if (!indicator) rowProblems.push(issue("indicator_code", `unknown indicator "${code}": not in the indicator catalogue`));
    const unitText = cell(column("unit"));
    const wrongUnit = indicator ? unitProblem(unitText, indicator.unit) : null;
    if (wrongUnit) rowProblems.push(issue("unit", `${wrongUnit}: check indicator_code`));
    const comparison = cell(column("comparison")).toUpperCase();
    if (!COMPARISONS.includes(comparison)) rowProblems.push(issue("comparison", `comparison "${comparison}" must be one of ${COMPARISONS.join(", ")}`));
    const sexText = cell(column("sex")).toUpperCase();
    const sex: Sex | null = sexText === "MALE" || sexText === "FEMALE" ? sexText : null;
    if (sexText && !sex) rowProblems.push(issue("sex", `sex "${sexText}" must be MALE, FEMALE or blank`));
    if (rowProblems.length > 0) {
      // The row gives no target; its unreadable figures are still named, so a corrected row does not fail again.
      for (const { index, name } of [...(baseline ? [{ index: baseline.index, name: `baseline:${baseline.period}` }] : []), ...targetColumns]) {
        const figure = parseFigure(cell(index), indicator?.factor ?? 1);
        if (!figure.ok && cell(index)) rowProblems.push(issue(name, figure.reason));
      }
      table.problems.push(...rowProblems);
      return;
    }
    const factor = indicator!.factor;
    const notes: string[] = [];
    const rowNote = cell(column("note"));
    if (rowNote) notes.push(rowNote);
    let baselineValue: number | null = null;
    if (baseline) {
      const text = cell(baseline.index);
      const figure = parseFigure(text, factor);
      if (figure.ok) {
        baselineValue = figure.value;
        // the number is read in the indicator's unit; the text as written stays beside it
        if (text) notes.push(`Baseline ${baseline.period} as written: ${text}`);
      } else if (text) {
        notes.push(`Baseline ${baseline.period}: ${text}`);
        table.warnings.push(issue(`baseline:${baseline.period}`, `${figure.reason}; kept as a note, the target has no baseline value`));
      }
    }
    let landed = 0;
    for (const target of targetColumns) {
      const text = cell(target.index);
      if (!text) continue;
      const figure = parseFigure(text, factor);
      if (!figure.ok) {
        table.problems.push(issue(target.name, `${figure.reason}; no target for ${target.period}`));
        continue;
      }
      if (figure.bound && figure.bound !== comparison && comparison !== "EXACT") {
        table.problems.push(issue(target.name, `"${text}" says ${figure.bound} but the row's comparison is ${comparison}; no target for ${target.period}`));
        continue;
      }
      table.drafts.push({
        line,
        indicatorCode: code,
        period: target.period,
        sex,
        targetValue: figure.value,
        comparison: figure.bound ?? comparison,
        baselineValue,
        baselinePeriod: baseline && isYear(baseline.period) ? baseline.period : null,
        responsibleAgency: cell(column("responsible_agency")) || null,
        notes: [...notes, ...(figure.footnote ? [`${target.period} "${text}" carries a footnote mark (*)`] : [])].join("; ") || null,
        sourceText: text,
      });
      landed += 1;
    }
    if (landed === 0 && !table.problems.some((problem) => problem.line === line)) {
      table.problems.push(issue(null, "the row has no target value"));
    }
  });
  return table;
}
