// Data value files: CSV (data element, area code, period, sex, value, status, comment) and JSON
// (one object per line, optionally inside a "[ ... ]" array as the export writes it). Files are
// streamed in batches through DataValueService, so an import meets exactly the rules of
// submitDataValues; the file is read twice (check, then write) and never held whole
// (docs/decisions/0050-value-file-import.md).
import { createReadStream, promises as fsp, statSync } from "node:fs";
import { createInterface } from "node:readline";
import { PassThrough, type Writable, pipeline } from "node:stream";
import { CsvError, parse } from "csv-parse";
import type { AreaScope, Database, DataValueStatus, Sex } from "@vnge/shared";
import type { DataValueService } from "./data-value.service";
import { DataValueStore, type ElementPeriod } from "./data-value.store";
import type { SubmittedValue } from "./data-value.validation";
import {
  type Delimiter,
  type Notation,
  type ValueFileEncoding,
  ValueFileError,
  decodedText,
  encodingOf,
  escapeFormula,
  notationOf,
  readValueIn,
  unescapeFormula,
} from "./data-value.file-text";

export type ValueFileFormat = "csv" | "json";

export const FILE_BATCH_SIZE = 10_000;
/** Conflicts listed in a summary; `rejected` still counts every bad row. */
export const MAX_LISTED_CONFLICTS = 1_000;

export const CSV_COLUMNS = ["data_element", "area_code", "period", "sex", "value", "status", "comment"] as const;

export interface FileConflict {
  /** Line of the file the row ends on (1 = the first line, the CSV header included). */
  line: number;
  field: string | null;
  message: string;
}

/** Something read but worth a look (an ignored column, a status in lowercase): the row is still imported. */
export interface FileWarning {
  line: number;
  field: string | null;
  message: string;
}

export interface FileImportSummary {
  rows: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  conflicts: FileConflict[];
  /** At most MAX_LISTED_CONFLICTS, by line. */
  warnings: FileWarning[];
  /** False for a dry run and for a file with any bad row: then nothing was written. */
  written: boolean;
}

export interface FileImportProgress {
  phase: "check" | "write";
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

export interface FileImportOptions {
  format?: ValueFileFormat;
  dryRun?: boolean;
  submittedBy: string;
  batchSize?: number;
  onProgress?: (progress: FileImportProgress) => void;
}

type Note = { field: string | null; message: string };
/** One row of a file: either a value to submit or why it could not even be read; with what looked off. */
type FileRow = ({ line: number; value: SubmittedValue; problem?: undefined } | { line: number; problem: Note }) & { warnings?: FileWarning[] };

const SEXES: readonly Sex[] = ["MALE", "FEMALE"];
const STATUSES: readonly DataValueStatus[] = ["FINAL", "PROVISIONAL", "ESTIMATED"];

export function formatOf(path: string): ValueFileFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return "json";
  throw new Error(`cannot tell the format of ${path}: name it .csv, .json, .jsonl or .ndjson`);
}

/** The names the service gives the columns, for problems found before it sees a row. */
const FIELD_NAMES: Record<string, string> = { data_element: "dataElementCode", area_code: "areaCode" };
const TEXT_COLUMNS = CSV_COLUMNS.filter((c) => c !== "value");

/** How a file is written, as far as reading a row needs to know. */
interface RowReading {
  notation: Notation;
  /** Columns of the CSV header (undefined for JSON). */
  columns?: number;
}

/** A code of the enumeration for `text` (any case), and a warning when the file wrote it otherwise. */
function enumValue<T extends string>(field: string, text: string, allowed: readonly T[], warnings: Note[]): T | null | { problem: string } {
  if (text === "") return null;
  const upper = text.toUpperCase() as T;
  if (!allowed.includes(upper)) return { problem: `${field} must be ${allowed.join(", ")} or empty, got "${text}"` };
  if (upper !== text) warnings.push({ field, message: `${field} "${text}" read as ${upper}` });
  return upper;
}

/**
 * Fields of one row, already named (CSV text, or JSON values); turns them into a value or a problem.
 * Codes are trimmed; a comment is kept exactly as the file holds it (CSV: without the spaces around
 * an unquoted field), so a comment with spaces of its own survives an export and an import.
 */
function toRow(line: number, fields: Record<string, unknown>, reading: RowReading, fieldCount?: number): FileRow {
  const notes: Note[] = [];
  const warnings: FileWarning[] = [];
  const problem = (field: string, message: string): FileRow => ({ line, problem: { field: FIELD_NAMES[field] ?? field, message }, warnings });
  for (const name of TEXT_COLUMNS) {
    const raw = fields[name];
    if (raw !== undefined && raw !== null && typeof raw !== "string" && typeof raw !== "number")
      return problem(name, `${FIELD_NAMES[name] ?? name} must be text, got ${JSON.stringify(raw)}`);
  }
  const text = (name: string): string => {
    const raw = fields[name];
    return raw === undefined || raw === null ? "" : String(raw).trim();
  };
  const short = reading.columns !== undefined && fieldCount !== undefined && fieldCount < reading.columns;
  if (reading.columns !== undefined && fieldCount !== undefined && fieldCount > reading.columns)
    notes.push({ field: null, message: `the row has ${fieldCount} fields, the header ${reading.columns} columns: the extra fields are ignored` });
  const sex = enumValue("sex", text("sex"), SEXES, notes);
  if (sex !== null && typeof sex === "object") return problem("sex", sex.problem);
  const status = enumValue("status", text("status"), STATUSES, notes);
  warnings.push(...notes.map((note) => ({ line, ...note })));
  if (status !== null && typeof status === "object") return problem("status", status.problem);
  const value = readValueIn(fields.value, reading.notation);
  if (typeof value !== "number") {
    const missing = fields.value === undefined && short;
    return problem("value", missing ? `value is missing: the row has ${fieldCount} of the header's ${reading.columns} columns` : value.problem);
  }
  const comment = fields.comment === undefined || fields.comment === null ? "" : String(fields.comment);
  return {
    line,
    warnings,
    value: {
      dataElementCode: text("data_element"),
      areaCode: text("area_code"),
      period: text("period"),
      sex,
      value,
      status,
      comment: comment === "" ? null : comment,
    },
  };
}

/** "Data element", "dataElementCode", "data_element" all name the same column. */
function columnName(header: string): string {
  const squashed = header.toLowerCase().replace(/[^a-z]/g, "");
  const known: Record<string, string> = { dataelement: "data_element", dataelementcode: "data_element", areacode: "area_code", area: "area_code" };
  return known[squashed] ?? squashed;
}

const KNOWN_COLUMNS: readonly string[] = CSV_COLUMNS;
const REQUIRED_COLUMNS = ["data_element", "area_code", "period", "value"];

/** How a file is written: told from its first bytes and its header line, before it is parsed. */
export interface FileReading {
  encoding: ValueFileEncoding;
  delimiter: Delimiter;
}

/** Enough of a file's start to hold its header line. */
const SNIFF_BYTES = 64 * 1024;

/**
 * The encoding (a UTF-16 byte-order mark, else UTF-8) and the separator of the header line: the one of
 * comma, semicolon and tab that splits it into the most known columns (a comma when none does).
 */
export async function readingOf(path: string): Promise<FileReading> {
  const handle = await fsp.open(path, "r");
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const encoding = encodingOf(head);
  const text = new TextDecoder(encoding).decode(head);
  const headerLine = text.split(/\r?\n/).find((line) => line.trim() !== "") ?? "";
  const known = (delimiter: Delimiter) => headerLine.split(delimiter).filter((name) => KNOWN_COLUMNS.includes(columnName(name.replace(/"/g, "")))).length;
  const candidates: Delimiter[] = [",", ";", "\t"];
  const delimiter = candidates.reduce((best, candidate) => (known(candidate) > known(best) ? candidate : best), candidates[0]);
  return { encoding, delimiter };
}

/** The file's text, decoded strictly (see decodedText), into `parser`: a failure of any stream ends the reading with its error. */
function textInto<T extends NodeJS.WritableStream>(stream: NodeJS.ReadableStream, encoding: ValueFileEncoding, parser: T): T {
  pipeline(stream, decodedText(encoding), parser, () => undefined);
  return parser;
}

const emptyFile = (what: string) => new ValueFileError("EMPTY_FILE", `the file holds no values: ${what}`);

/** Why a header lacks columns, in terms of what the file's first line holds. */
function missingColumns(names: readonly string[], missing: readonly string[]): ValueFileError {
  const expected = `the file must start with the header ${CSV_COLUMNS.join(",")}`;
  const looksLikeValues = names.some((name) => /^\d/.test(name.trim())) && !names.some((name) => KNOWN_COLUMNS.includes(columnName(name)));
  if (looksLikeValues) return new ValueFileError("MISSING_COLUMNS", `the first line looks like a row of values, not a header: ${expected}`, 1);
  const unknown = names.filter((name) => !KNOWN_COLUMNS.includes(columnName(name)) && name.trim() !== "");
  const named = unknown.length > 0 ? `; it names ${unknown.map((name) => JSON.stringify(name)).join(", ")}, which are not columns of a value file` : "";
  return new ValueFileError(
    "MISSING_COLUMNS",
    `the header lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}${named} (columns: ${CSV_COLUMNS.join(", ")}, separated by commas, semicolons or tabs)`,
    1,
  );
}

async function* csvRows(stream: NodeJS.ReadableStream, reading: FileReading): AsyncGenerator<FileRow> {
  let header = false;
  let columns = 0;
  const headerWarnings: Note[] = [];
  const parser = textInto(
    stream,
    reading.encoding,
    parse({
      columns: (names: string[]) => {
        header = true;
        columns = names.length;
        const named = names.map(columnName);
        const missing = REQUIRED_COLUMNS.filter((c) => !named.includes(c));
        if (missing.length > 0) throw missingColumns(names, missing);
        names.forEach((name, i) => {
          if (!KNOWN_COLUMNS.includes(named[i]))
            headerWarnings.push({ field: name, message: `column "${name}" is not one of ${CSV_COLUMNS.join(", ")}: ignored` });
        });
        return named;
      },
      delimiter: reading.delimiter,
      info: true,
      skip_empty_lines: true,
      bom: true,
      relax_column_count: true,
      // Spaces around an unquoted field are layout; inside quotes they are the field's own.
      trim: true,
      max_record_size: MAX_RECORD_BYTES,
    }),
  );
  const rowReading: RowReading = { notation: notationOf(reading.delimiter) };
  let rows = 0;
  try {
    for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; index: number } }>) {
      const { record } = item;
      const fields = typeof record.comment === "string" ? { ...record, comment: unescapeFormula(record.comment) } : record;
      const row = toRow(item.info.lines, fields, { ...rowReading, columns }, item.info.index);
      // The header's own warnings travel with the first row.
      yield rows++ === 0 ? { ...row, warnings: [...headerWarnings.map((note) => ({ line: 1, ...note })), ...(row.warnings ?? [])] } : row;
    }
  } catch (error) {
    if (error instanceof CsvError)
      throw new ValueFileError("MALFORMED_CSV", `the file is not valid CSV: ${error.message}`, (error as CsvError & { lines?: number }).lines);
    throw error;
  }
  if (rows === 0) throw emptyFile(header ? "it has a header but no rows" : `it is empty (expected a header: ${CSV_COLUMNS.join(",")}, then one row per value)`);
}

/** Longest CSV record read: far above a row with a 2,000-character comment, low enough that a file without line ends is refused early. */
const MAX_RECORD_BYTES = 64 * 1024;

async function* jsonRows(stream: NodeJS.ReadableStream, reading: FileReading): AsyncGenerator<FileRow> {
  let line = 0;
  let rows = 0;
  for await (const raw of createInterface({ input: textInto(stream, reading.encoding, new PassThrough({ objectMode: true })), crlfDelay: Infinity })) {
    line++;
    const text = raw.trim().replace(/,$/, "");
    if (text === "" || text === "[" || text === "]") continue;
    rows++;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      yield { line, problem: { field: null, message: "not a JSON object: a JSON file holds one value object per line" } };
      continue;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      yield { line, problem: { field: null, message: "not a JSON object: a JSON file holds one value object per line" } };
      continue;
    }
    const named: Record<string, unknown> = {};
    const ignored: FileWarning[] = [];
    for (const [key, v] of Object.entries(parsed)) {
      const name = columnName(key);
      if (!KNOWN_COLUMNS.includes(name)) ignored.push({ line, field: key, message: `field "${key}" is not one of ${CSV_COLUMNS.join(", ")}: ignored` });
      named[name] = v;
    }
    const row = toRow(line, named, { notation: "point" });
    yield { ...row, warnings: [...ignored, ...(row.warnings ?? [])] };
  }
  if (rows === 0) throw emptyFile("expected one value object per line");
}

async function* batches(path: string, format: ValueFileFormat, size: number, onRead: (bytes: number) => void): AsyncGenerator<FileRow[]> {
  const reading = await readingOf(path);
  const stream = createReadStream(path);
  stream.on("data", () => onRead(stream.bytesRead));
  const rows = format === "csv" ? csvRows(stream, reading) : jsonRows(stream, reading);
  let batch: FileRow[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * One pass over the file: each batch submitted (or dry-run) through the service. A check pass adds to
 * `pairs` every (element, period) the file names, which the write pass locks up front.
 */
async function pass(
  service: DataValueService,
  path: string,
  format: ValueFileFormat,
  dryRun: boolean,
  options: FileImportOptions,
  pairs?: Map<string, ElementPeriod>,
): Promise<FileImportSummary> {
  const summary: FileImportSummary = { rows: 0, imported: 0, updated: 0, unchanged: 0, rejected: 0, conflicts: [], warnings: [], written: !dryRun };
  const totalBytes = statSync(path).size;
  let bytesRead = 0;
  const report = () => options.onProgress?.({ phase: dryRun ? "check" : "write", bytesRead, totalBytes, rows: summary.rows });
  const conflict = (c: FileConflict) => {
    if (summary.conflicts.length < MAX_LISTED_CONFLICTS) summary.conflicts.push(c);
  };
  for await (const batch of batches(path, format, options.batchSize ?? FILE_BATCH_SIZE, (bytes) => (bytesRead = bytes))) {
    summary.rows += batch.length;
    const readable = batch.filter((row): row is Extract<FileRow, { value: SubmittedValue }> => row.problem === undefined);
    for (const row of batch) {
      if (row.problem) conflict({ line: row.line, ...row.problem });
      for (const warning of row.warnings ?? []) if (summary.warnings.length < MAX_LISTED_CONFLICTS) summary.warnings.push(warning);
    }
    summary.rejected += batch.length - readable.length;
    for (const { value } of readable) pairs?.set(`${value.dataElementCode}|${value.period}`, value);
    const result = await service.submit(
      readable.map((row) => row.value),
      // A file's rows are named by their lines, and a row outside the caller's areas is refused on its line like any other.
      { dryRun, submittedBy: options.submittedBy, rowName: (index) => `line ${readable[index].line}`, fromFile: true },
    );
    summary.imported += result.imported;
    summary.updated += result.updated;
    summary.unchanged += result.unchanged;
    summary.rejected += result.rejected;
    for (const c of result.conflicts) conflict({ line: readable[c.index].line, field: c.field, message: c.message });
    report();
  }
  summary.conflicts.sort((a, b) => a.line - b.line);
  summary.warnings.sort((a, b) => a.line - b.line);
  if (summary.rejected > 0) summary.written = false;
  return summary;
}

/** How long the write pass of one file may hold its transaction on PGlite (PostgreSQL has no such limit). */
export const FILE_TRANSACTION_TIMEOUT_MS = 3_600_000;

/** A batch refused in the write pass (e.g. a data set approved since the check): the file's transaction is rolled back. */
class RefusedDuringWrite extends Error {
  constructor(readonly summary: FileImportSummary) {
    super("a batch was refused in the write pass");
  }
}

/**
 * Imports a file of data values: a streaming check of every row first (nothing written when any
 * row is bad), then, unless a dry run, a second streaming pass writing batch by batch, all in one
 * transaction holding the locks of every (element, period) of the file: a file is written whole or
 * not at all, whatever fails midway. Running it again changes nothing.
 */
export async function importValueFile(service: DataValueService, path: string, options: FileImportOptions): Promise<FileImportSummary> {
  const format = options.format ?? formatOf(path);
  const pairs = new Map<string, ElementPeriod>();
  const checked = await pass(service, path, format, true, options, pairs);
  if (options.dryRun || checked.rejected > 0) return { ...checked, written: false };
  try {
    return await service.inOneTransaction(
      pairs.values(),
      async (joined) => {
        const written = await pass(joined, path, format, false, options);
        if (!written.written) throw new RefusedDuringWrite(written);
        return written;
      },
      { timeoutMs: FILE_TRANSACTION_TIMEOUT_MS },
    );
  } catch (error) {
    if (error instanceof RefusedDuringWrite) return { ...error.summary, imported: 0, updated: 0, written: false };
    throw error;
  }
}

export interface ValueSelection {
  /** Values at this area and every area beneath it. */
  areaCode: string;
  period: string;
  dataElementCode?: string | null;
}

/** Quoted when the field holds a delimiter, a quote, a line end or spaces at either end (which an unquoted field would lose). */
const csvField = (text: string): string => (/[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text);

/** The output closed (a client gone) before the export ended. */
export class ExportAborted extends Error {
  constructor() {
    super("the output closed before the export ended");
  }
}

export interface ExportOptions {
  /** Which values of a page the reader may see (the disclosure rule, for a request); all when omitted. */
  screen?: (rows: readonly { dataElementCode: string; areaCode: string }[], period: string) => Promise<boolean[]>;
  /** Called once the selection is checked, before the first byte is written (e.g. to send the headers). */
  begin?: () => void;
}

export interface ExportResult {
  /** Rows written. */
  rows: number;
  /** Rows the screen kept back. */
  withheld: number;
}

/** Writes `text`, waiting for the output to drain; throws ExportAborted once the output is closed. */
async function writeTo(out: Writable, text: string): Promise<void> {
  if (out.destroyed) throw new ExportAborted();
  if (out.write(text)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      out.off("drain", done);
      out.off("close", done);
      resolve();
    };
    out.on("drain", done);
    out.on("close", done);
  });
  if (out.destroyed) throw new ExportAborted();
}

/**
 * Writes the values of a selection in the import's own shape (CSV, or JSON lines), page by page
 * (keyset paging, so memory stays flat), waiting for the output to drain. Returns the number of rows written.
 */
export async function exportValues(
  db: Database,
  scope: AreaScope,
  selection: ValueSelection,
  format: ValueFileFormat,
  out: Writable,
  options: ExportOptions = {},
): Promise<ExportResult> {
  // The selection's area is one of the version the period's data belong to.
  const hierarchy = await scope.areas.hierarchy.versionForPeriod(selection.period);
  await scope.assertContains([selection.areaCode], "export values", hierarchy);
  options.begin?.();
  const write = (text: string) => writeTo(out, text);
  if (format === "csv") await write(`${CSV_COLUMNS.join(",")}\n`);
  let after: [string, string, string] = ["", "", ""];
  const result: ExportResult = { rows: 0, withheld: 0 };
  const store = new DataValueStore(db);
  for (;;) {
    const page = await store.exportPage(selection, hierarchy, after, FILE_BATCH_SIZE);
    const shown = options.screen
      ? await options.screen(
          page.map((row) => ({ dataElementCode: row.data_element_code, areaCode: row.area_code })),
          selection.period,
        )
      : null;
    let text = "";
    page.forEach((row, i) => {
      if (shown && !shown[i]) {
        result.withheld++;
        return;
      }
      const sex = row.sex === "NONE" ? "" : row.sex;
      if (format === "csv") {
        const fields = [row.data_element_code, row.area_code, selection.period, sex, String(row.value), row.status, escapeFormula(row.comment ?? "")];
        text += `${fields.map(csvField).join(",")}\n`;
      } else {
        const object = {
          dataElement: row.data_element_code,
          areaCode: row.area_code,
          period: selection.period,
          sex: sex || null,
          value: Number(row.value),
          status: row.status,
          comment: row.comment,
        };
        text += `${JSON.stringify(object)}\n`;
      }
      result.rows++;
    });
    if (text !== "") await write(text);
    if (page.length < FILE_BATCH_SIZE) break;
    const last = page[page.length - 1];
    after = [last.data_element_code, last.area_code, last.sex];
  }
  return result;
}
