// The yearly report as an Excel workbook (exceljs): one sheet per section, figures as numbers with the indicator's
// decimals, marks (withheld, suppressed) as text, A4 landscape fitted to the page width with the header row repeated.
import ExcelJS from "exceljs";
import { type ReportLabels, REPORT_LABELS } from "./report-labels";
import type { Figure, YearlyReport } from "./yearly-report";

const FONT = "Times New Roman";
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E2F3" } };
const GROUP_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
const STATUS_FILL: Record<string, string> = { ACHIEVED: "FFC6EFCE", ON_TRACK: "FFDDEBF7", AT_RISK: "FFFFEB9C", OFF_TRACK: "FFFFC7CE" };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

type Cell = string | number | null;

const numberFormat = (decimals: number) => (decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0");

function sheet(book: ExcelJS.Workbook, name: string, title: string, widths: number[]): ExcelJS.Worksheet {
  const ws = book.addWorksheet(name.slice(0, 31), {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: margins() },
    headerFooter: { oddFooter: "&P / &N" },
  });
  ws.columns = widths.map((width) => ({ width }));
  const row = ws.addRow([title]);
  row.font = { name: FONT, bold: true, size: 13 };
  ws.mergeCells(row.number, 1, row.number, widths.length);
  ws.addRow([]);
  return ws;
}

const margins = () => ({ left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 });

function header(ws: ExcelJS.Worksheet, names: string[]): void {
  const row = ws.addRow(names);
  row.eachCell((cell) => {
    cell.font = { name: FONT, bold: true, size: 11 };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  });
  ws.pageSetup.printTitlesRow = `${row.number}:${row.number}`;
}

/** Rows are as tall as their longest wrapped text: neither Excel nor LibreOffice sizes them from the file. */
function fitHeight(ws: ExcelJS.Worksheet, row: ExcelJS.Row, cells: readonly Cell[]): void {
  const lines = Math.max(
    1,
    ...cells.map((value, i) => (typeof value === "string" ? Math.ceil(value.length / Math.max(4, (ws.getColumn(i + 1).width ?? 10) * 1.05)) : 1)),
  );
  if (lines > 1) row.height = lines * 14.5;
}

function body(ws: ExcelJS.Worksheet, cells: Cell[], formats: (string | null)[] = []): ExcelJS.Row {
  const row = ws.addRow(cells);
  fitHeight(ws, row, cells);
  row.eachCell({ includeEmpty: true }, (cell, column) => {
    cell.font = { name: FONT, size: 11 };
    cell.border = THIN;
    const format = formats[column - 1];
    if (typeof cell.value === "number" && format) cell.numFmt = format;
    cell.alignment = { vertical: "top", wrapText: typeof cell.value === "string", horizontal: typeof cell.value === "number" ? "right" : "left" };
  });
  return row;
}

function group(ws: ExcelJS.Worksheet, title: string, columns: number): void {
  const row = ws.addRow([title]);
  ws.mergeCells(row.number, 1, row.number, columns);
  row.getCell(1).font = { name: FONT, bold: true, italic: true, size: 11 };
  row.getCell(1).fill = GROUP_FILL;
  row.getCell(1).border = THIN;
}

function note(ws: ExcelJS.Worksheet, text: string, columns: number): void {
  const row = ws.addRow([text]);
  ws.mergeCells(row.number, 1, row.number, columns);
  row.getCell(1).font = { name: FONT, italic: true, size: 10 };
}

/** A figure's cell: the number, or the reason it is not shown. */
function cell(figure: Figure, labels: ReportLabels): Cell {
  if (figure.mark) return labels.marks[figure.mark];
  return figure.value;
}

export async function renderXlsx(report: YearlyReport): Promise<Buffer> {
  const labels = REPORT_LABELS[report.language];
  const c = labels.columns;
  const book = new ExcelJS.Workbook();
  book.creator = report.heading.issuingBody;
  book.title = report.heading.title;
  book.created = new Date();

  // Heading: the document's head, then the plans in force.
  const head = sheet(book, labels.sheets.heading, report.heading.issuingBody, [50, 14, 14, 30]);
  const lines: [string, boolean][] = [
    ...(report.heading.superior ? [[report.heading.superior, false] as [string, boolean]] : []),
    [report.heading.numberLine, false],
    [report.heading.motto[0], true],
    [report.heading.motto[1], true],
    [report.heading.placeDateLine, false],
    [report.heading.title, true],
  ];
  for (const [text, bold] of lines) {
    const row = head.addRow([text]);
    head.mergeCells(row.number, 1, row.number, 4);
    row.getCell(1).font = { name: FONT, bold, size: 12 };
  }
  head.addRow([]);
  const plansTitle = head.addRow([labels.sections.plans]);
  plansTitle.getCell(1).font = { name: FONT, bold: true, size: 12 };
  header(head, [c.plan, c.type, c.years, c.documentNumber]);
  for (const plan of report.plans) body(head, [plan.title, plan.type, plan.years, plan.documentNumber ?? ""]);

  // Targets by objective.
  const targets = sheet(book, labels.sheets.targets, labels.sections.targets, [44, 12, 9, 11, 12, 12, 12, 12, 18, 10, 30]);
  header(targets, [c.indicator, c.unit, c.sex, c.baseline, c.target, c.total, c.male, c.female, c.status, c.gap, c.agency]);
  if (report.targets.length === 0) note(targets, labels.notes.noTargets, 11);
  for (const objective of report.targets) {
    group(targets, objective.name, 11);
    for (const row of objective.rows) {
      const format = numberFormat(row.indicator.decimals);
      const line = body(
        targets,
        [
          row.indicator.name,
          row.indicator.unit,
          row.sex ? (labels.sex[row.sex] ?? row.sex) : "",
          row.baseline,
          `${labels.comparison[row.comparison] ?? ""} ${row.target}`.trim(),
          cell(row.actual.total, labels),
          cell(row.actual.male, labels),
          cell(row.actual.female, labels),
          labels.status[row.status] ?? row.status,
          row.gap,
          row.agency ?? "",
        ],
        [null, null, null, format, null, format, format, format, null, format, null],
      );
      const fill = STATUS_FILL[row.status];
      if (fill) line.getCell(9).fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
      if (row.actual.total.approximate) line.getCell(6).note = labels.notes.approximate;
    }
  }

  // Other indicators, by sex, with the previous year beside them.
  const other = sheet(book, labels.sheets.indicators, labels.sections.indicators, [44, 12, 12, 12, 12, 12, 12, 12]);
  header(other, [
    c.indicator,
    c.unit,
    `${c.total} ${report.year - 1}`,
    `${c.male} ${report.year - 1}`,
    `${c.female} ${report.year - 1}`,
    `${c.total} ${report.year}`,
    `${c.male} ${report.year}`,
    `${c.female} ${report.year}`,
  ]);
  for (const objective of report.indicators) {
    group(other, objective.name, 8);
    for (const row of objective.rows) {
      const format = numberFormat(row.indicator.decimals);
      body(
        other,
        [
          row.indicator.name,
          row.indicator.unit,
          ...[row.previous, row.current].flatMap((f) => [cell(f.total, labels), cell(f.male, labels), cell(f.female, labels)]),
        ],
        [null, null, format, format, format, format, format, format],
      );
    }
  }

  // Communication.
  const comm = sheet(book, labels.sheets.communication, labels.sections.communication, [40, 14, 14, 14, 14]);
  header(comm, [c.kind, c.activities, c.male, c.female, c.total]);
  for (const kind of report.communication.byKind)
    body(comm, [kind.kind, kind.activities, kind.male, kind.female, kind.total], [null, "#,##0", "#,##0", "#,##0", "#,##0"]);
  const totals = body(
    comm,
    [c.total, report.communication.activities, report.communication.reached.male, report.communication.reached.female, report.communication.reached.total],
    [null, "#,##0", "#,##0", "#,##0", "#,##0"],
  );
  totals.font = { name: FONT, bold: true, size: 11 };
  comm.addRow([]);
  const campaignsTitle = comm.addRow([labels.notes.campaigns]);
  campaignsTitle.getCell(1).font = { name: FONT, bold: true, size: 12 };
  header(comm, [c.campaign, c.dates, c.note]);
  for (const campaign of report.communication.campaigns) body(comm, [campaign.name, campaign.dates, campaign.theme ?? ""]);

  // Gender-based violence, suppressed as everywhere.
  const gbv = sheet(book, labels.sheets.violence, labels.sections.violence, [40, 14]);
  header(gbv, [c.indicator, c.count]);
  const countCell = (k: { count: number | null; suppressed: boolean }): Cell => (k.suppressed ? labels.marks.suppressed : k.count);
  if (report.violence.unavailable) note(gbv, report.violence.unavailable, 2);
  if (report.violence.total)
    body(gbv, [report.violence.total.label, countCell(report.violence.total)], [null, "#,##0"]).font = { name: FONT, bold: true, size: 11 };
  for (const part of report.violence.groups) {
    if (part.counts.length === 0) continue;
    group(gbv, part.title, 2);
    for (const k of part.counts) body(gbv, [k.label, countCell(k)], [null, "#,##0"]);
  }
  if (report.violence.threshold !== null) note(gbv, labels.notes.suppressed(report.violence.threshold), 2);

  // Data quality.
  const quality = sheet(book, labels.sheets.dataQuality, labels.sections.dataQuality, [40, 12, 18, 12, 12, 12, 12, 12]);
  header(quality, [c.dataSet, c.level, c.deadline, c.expected, c.received, c.onTime, c.late, c.missing]);
  if (report.dataQuality.unavailable) note(quality, report.dataQuality.unavailable, 8);
  for (const r of report.dataQuality.rows)
    body(
      quality,
      [r.dataSet, r.level, r.deadline ?? "", r.expected, r.received, r.onTime, r.late, r.missing],
      [null, null, null, "#,##0", "#,##0", "#,##0", "#,##0", "#,##0"],
    );
  for (const [title, items] of [
    [labels.notes.approximateFigures, report.dataQuality.approximate],
    [labels.notes.withheldFigures, report.dataQuality.withheld],
  ] as const) {
    if (items.length === 0) continue;
    quality.addRow([]);
    group(quality, title, 8);
    for (const item of items) note(quality, item, 8);
  }

  // The review years: the 5-year plan, year by year.
  if (report.review) {
    const years = report.review.years;
    const review = sheet(book, labels.sheets.review, `${labels.sections.review}: ${report.review.plan}`, [44, 12, ...years.flatMap(() => [11, 16])]);
    header(review, [c.indicator, c.target, ...years.flatMap((y) => [`${y}`, c.status])]);
    for (const row of report.review.rows) {
      const format = numberFormat(row.indicator.decimals);
      body(
        review,
        [
          row.indicator.name,
          `${labels.comparison[row.comparison] ?? ""} ${row.target}`.trim(),
          ...years.flatMap((y) => {
            const at = row.byYear.find((b) => b.year === y);
            return [at?.value ?? null, at ? (labels.status[at.status] ?? at.status) : ""];
          }),
        ],
        [null, null, ...years.flatMap(() => [format, null])],
      );
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
