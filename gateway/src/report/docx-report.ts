// The yearly report as a Word document (docx) an official edits and signs: the administrative heading (issuing body
// and number on the left, the national motto and place and date on the right), the title, the plans in force in
// portrait, then the section tables in landscape, and the signature block. Times New Roman, as official documents use.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { REPORT_LABELS, type ReportLabels } from "./report-labels";
import type { Figure, YearlyReport } from "./yearly-report";

const FONT = "Times New Roman";
const STATUS_SHADE: Record<string, string> = { ACHIEVED: "C6EFCE", ON_TRACK: "DDEBF7", AT_RISK: "FFEB9C", OFF_TRACK: "FFC7CE" };

const text = (value: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) => new TextRun({ text: value, font: FONT, ...options });
const para = (value: string, options: { bold?: boolean; italics?: boolean; align?: "left" | "center" | "right"; size?: number } = {}) =>
  new Paragraph({
    alignment: options.align === "center" ? AlignmentType.CENTER : options.align === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
    children: [text(value, options)],
  });
const heading = (value: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [text(value, { bold: true, size: 26 })] });

function cell(value: string, options: { bold?: boolean; shade?: string; align?: "left" | "right" | "center"; span?: number } = {}) {
  return new TableCell({
    columnSpan: options.span,
    shading: options.shade ? { type: ShadingType.CLEAR, color: "auto", fill: options.shade } : undefined,
    children: [para(value, { bold: options.bold, align: options.align, size: 22 })],
  });
}

/** Text width of a page in twentieths of a point: A4 less the margins of its section. */
const PORTRAIT_WIDTH = 11906 - 1701 - 1134;
const LANDSCAPE_WIDTH = 16838 - 2 * 1134;

/** A table filling the page width, its columns in proportion to `weights` (the indicator's name wide, figures narrow). */
function table(head: string[], rows: TableRow[], weights: number[] = head.map(() => 1), pageWidth = LANDSCAPE_WIDTH): Table {
  const sum = weights.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: pageWidth, type: WidthType.DXA },
    columnWidths: weights.map((w) => Math.floor((w / sum) * pageWidth)),
    rows: [new TableRow({ tableHeader: true, children: head.map((h) => cell(h, { bold: true, shade: "D9E2F3", align: "center" })) }), ...rows],
  });
}
const row = (cells: TableCell[]) => new TableRow({ cantSplit: true, children: cells });
const groupRow = (title: string, span: number) => row([cell(title, { bold: true, shade: "F2F2F2", span })]);

function formatter(language: YearlyReport["language"]) {
  const locale = language === "vi" ? "vi-VN" : "en-GB";
  return (value: number | null, decimals: number) =>
    value === null ? "" : new Intl.NumberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: decimals }).format(value);
}

export async function renderDocx(report: YearlyReport): Promise<Buffer> {
  const labels = REPORT_LABELS[report.language];
  const c = labels.columns;
  const format = formatter(report.language);
  const shown = (f: Figure, decimals: number) =>
    f.mark ? labels.marks[f.mark] : `${f.approximate && f.value !== null ? `${labels.marks.approximate} ` : ""}${format(f.value, decimals)}`;
  const h = report.heading;

  const head = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 42, type: WidthType.PERCENTAGE },
            children: [
              ...(h.superior ? [para(h.superior, { align: "center", size: 24 })] : []),
              para(h.issuingBody, { bold: true, align: "center", size: 24 }),
              para("———", { align: "center", size: 20 }),
              para(h.numberLine, { align: "center", size: 24 }),
            ],
          }),
          new TableCell({
            width: { size: 58, type: WidthType.PERCENTAGE },
            children: [
              para(h.motto[0], { bold: true, align: "center", size: 24 }),
              para(h.motto[1], { bold: true, align: "center", size: 26 }),
              para("———————", { align: "center", size: 20 }),
              para(h.placeDateLine, { italics: true, align: "center", size: 26 }),
            ],
          }),
        ],
      }),
    ],
  });

  const statuses = new Map<string, number>();
  for (const group of report.targets) for (const r of group.rows) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
  const targetCount = [...statuses.values()].reduce((a, b) => a + b, 0);
  const summary =
    targetCount === 0
      ? labels.notes.noTargets
      : `${c.target}: ${targetCount}. ${[...statuses].map(([status, n]) => `${labels.status[status] ?? status}: ${n}`).join("; ")}.`;

  const portrait = [
    head,
    new Paragraph({ spacing: { before: 360 }, children: [] }),
    para(h.title.toLocaleUpperCase(report.language), { bold: true, align: "center", size: 28 }),
    para(`${report.area.fullName} - ${report.year}`, { align: "center", size: 26 }),
    heading(labels.sections.plans),
    table(
      [c.plan, c.type, c.years, c.documentNumber],
      report.plans.map((p) => row([cell(p.title), cell(p.type), cell(p.years), cell(p.documentNumber ?? "")])),
      [5, 1.2, 1.4, 2],
      PORTRAIT_WIDTH,
    ),
    para(summary, { size: 26 }),
  ];

  const targetRows = report.targets.flatMap((group) => [
    groupRow(group.name, 10),
    ...group.rows.map((r) =>
      row([
        cell(`${r.indicator.name}${r.sex ? ` (${labels.sex[r.sex] ?? r.sex})` : ""}`),
        cell(r.indicator.unit),
        cell(format(r.baseline, r.indicator.decimals), { align: "right" }),
        cell(`${labels.comparison[r.comparison] ?? ""} ${format(r.target, r.indicator.decimals)}`.trim(), { align: "right" }),
        cell(shown(r.actual.total, r.indicator.decimals), { align: "right" }),
        cell(shown(r.actual.male, r.indicator.decimals), { align: "right" }),
        cell(shown(r.actual.female, r.indicator.decimals), { align: "right" }),
        cell(labels.status[r.status] ?? r.status, { shade: STATUS_SHADE[r.status] }),
        cell(format(r.gap, r.indicator.decimals), { align: "right" }),
        cell(r.agency ?? ""),
      ]),
    ),
  ]);
  const indicatorRows = report.indicators.flatMap((group) => [
    groupRow(group.name, 8),
    ...group.rows.map((r) =>
      row([
        cell(r.indicator.name),
        cell(r.indicator.unit),
        ...[r.previous, r.current].flatMap((f) => [f.total, f.male, f.female].map((x) => cell(shown(x, r.indicator.decimals), { align: "right" }))),
      ]),
    ),
  ]);
  const n = (value: number) => format(value, 0);
  const comm = report.communication;
  const violence = report.violence;
  const count = (k: { count: number | null; suppressed: boolean }) => (k.suppressed ? labels.marks.suppressed : n(k.count ?? 0));

  const landscape = [
    heading(labels.sections.targets),
    targetRows.length > 0
      ? table(
          [c.indicator, c.unit, c.baseline, c.target, c.total, c.male, c.female, c.status, c.gap, c.agency],
          targetRows,
          [4, 1.4, 1, 1.1, 1, 1, 1, 1.6, 1, 2.6],
        )
      : para(labels.notes.noTargets),
    heading(labels.sections.indicators),
    table(
      [c.indicator, c.unit, ...[report.year - 1, report.year].flatMap((y) => [`${c.total} ${y}`, `${c.male} ${y}`, `${c.female} ${y}`])],
      indicatorRows,
      [4, 1.4, 1, 1, 1, 1, 1, 1],
    ),
    heading(labels.sections.communication),
    para(labels.notes.communicationTotals(comm.activities)),
    table(
      [c.kind, c.activities, c.male, c.female, c.total],
      [
        ...comm.byKind.map((k) => row([cell(k.kind), ...[k.activities, k.male, k.female, k.total].map((v) => cell(n(v), { align: "right" }))])),
        row([
          cell(c.total, { bold: true }),
          ...[comm.activities, comm.reached.male, comm.reached.female, comm.reached.total].map((v) => cell(n(v), { bold: true, align: "right" })),
        ]),
      ],
    ),
    ...(comm.campaigns.length > 0
      ? [
          para(labels.notes.campaigns, { bold: true }),
          table(
            [c.campaign, c.dates, c.note],
            comm.campaigns.map((k) => row([cell(k.name), cell(k.dates), cell(k.theme ?? "")])),
            [3, 1.5, 3],
          ),
        ]
      : []),
    heading(labels.sections.violence),
    violence.total
      ? table(
          [c.indicator, c.count],
          [
            row([cell(violence.total.label, { bold: true }), cell(count(violence.total), { bold: true, align: "right" })]),
            ...violence.groups
              .filter((g) => g.counts.length > 0)
              .flatMap((g) => [groupRow(g.title, 2), ...g.counts.map((k) => row([cell(k.label), cell(count(k), { align: "right" })]))]),
          ],
          [3, 1],
          LANDSCAPE_WIDTH / 2,
        )
      : para(violence.unavailable ?? labels.notes.noCases, { italics: true }),
    ...(violence.threshold !== null ? [para(labels.notes.suppressed(violence.threshold), { italics: true, size: 22 })] : []),
    heading(labels.sections.dataQuality),
    ...(report.dataQuality.unavailable ? [para(report.dataQuality.unavailable, { italics: true })] : []),
    ...(report.dataQuality.rows.length > 0
      ? [
          table(
            [c.dataSet, c.level, c.deadline, c.expected, c.received, c.onTime, c.late, c.missing],
            report.dataQuality.rows.map((r) =>
              row([
                cell(r.dataSet),
                cell(r.level),
                cell(r.deadline ?? ""),
                ...[r.expected, r.received, r.onTime, r.late, r.missing].map((v) => cell(n(v), { align: "right" })),
              ]),
            ),
            [4, 1, 1.3, 1, 1, 1, 1, 1],
          ),
        ]
      : []),
    ...listed(labels.notes.approximateFigures, report.dataQuality.approximate),
    ...listed(labels.notes.withheldFigures, report.dataQuality.withheld),
    ...(report.review ? reviewSection(report, labels, format) : []),
    new Paragraph({ spacing: { before: 480 }, children: [] }),
    signature(labels),
  ];

  const document = new Document({
    creator: h.issuingBody,
    title: h.title,
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections: [
      { properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } }, children: portrait },
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        children: landscape,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function listed(title: string, items: readonly string[]): Paragraph[] {
  if (items.length === 0) return [];
  return [para(title, { bold: true }), ...items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [text(item, { size: 22 })] }))];
}

function reviewSection(report: YearlyReport, labels: ReportLabels, format: (v: number | null, d: number) => string) {
  const review = report.review!;
  const c = labels.columns;
  return [
    heading(`${labels.sections.review}: ${review.plan}`),
    table(
      [c.indicator, c.target, ...review.years.map(String)],
      review.rows.map((r) =>
        row([
          cell(`${r.indicator.name}${r.sex ? ` (${labels.sex[r.sex] ?? r.sex})` : ""}`),
          cell(`${labels.comparison[r.comparison] ?? ""} ${format(r.target, r.indicator.decimals)}`.trim()),
          ...review.years.map((y) => {
            const at = r.byYear.find((b) => b.year === y);
            return cell(at ? `${format(at.value, r.indicator.decimals)} ${labels.status[at.status] ?? at.status}`.trim() : "", {
              shade: at ? STATUS_SHADE[at.status] : undefined,
            });
          }),
        ]),
      ),
      [4, 1.4, ...review.years.map(() => 1.6)],
    ),
  ];
}

function signature(labels: ReportLabels): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 50, type: WidthType.PERCENTAGE },
            children: [para(labels.notes.recipients, { bold: true, italics: true, size: 24 })],
          }),
          new TableCell({
            width: { size: 50, type: WidthType.PERCENTAGE },
            children: [para(labels.notes.signature, { bold: true, align: "center", size: 26 })],
          }),
        ],
      }),
    ],
  });
}
