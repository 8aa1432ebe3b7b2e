// DHIS2 dataValueSets payloads, JSON or CSV, as DHIS2 documents them: JSON with the set's period, orgUnit
// and attributeOptionCombo as defaults for its values; CSV with the columns dataelement, period, orgunit,
// categoryoptioncombo, attributeoptioncombo, value, storedby, lastupdated, comment, followup (a header row
// names them, in any order; without one they are read in that order). A payload that is not a data value
// set at all is refused whole; a value with a wrong field becomes a conflict of its own.
import { CsvError, parse } from "csv-parse/sync";
import { BadUserInputError } from "@vnge/shared";

export type Dhis2PayloadFormat = "json" | "csv";

/** Values accepted in one payload: a ministry's monthly push is far below; larger sets are split. */
export const MAX_DATA_VALUES = 100_000;

export type Dhis2PayloadProblem = "MALFORMED_JSON" | "MALFORMED_CSV" | "NOT_A_DATA_VALUE_SET" | "MISSING_COLUMNS" | "TOO_MANY_VALUES";

export class Dhis2PayloadError extends BadUserInputError {
  constructor(
    readonly reason: Dhis2PayloadProblem,
    message: string,
  ) {
    super(message, { reason });
  }
}

/** One value of a payload, its identifiers as sent (trimmed text; "" when absent). */
export interface Dhis2DataValue {
  /** Position among the payload's values, from 0. */
  index: number;
  /** CSV: the line the value ends on (1 = the first line, a header included). */
  line?: number;
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo: string;
  attributeOptionCombo: string;
  /** As sent: DHIS2 sends text ("12"), some clients numbers. */
  value: unknown;
  comment: string | null;
  /** A field that was neither text nor a number (JSON only). */
  problem?: { property: string; message: string };
}

const FIELDS = ["dataElement", "period", "orgUnit", "categoryOptionCombo", "attributeOptionCombo"] as const;

/** Text of a JSON field; a number is taken as its digits (codes), anything else is a problem. */
function textOf(raw: unknown): string | null {
  if (raw === undefined || raw === null) return "";
  if (typeof raw === "string") return raw.trim();
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  return null;
}

const tooMany = (count: number) =>
  new Dhis2PayloadError(
    "TOO_MANY_VALUES",
    `a payload holds at most ${MAX_DATA_VALUES.toLocaleString("en")} data values, got ${count.toLocaleString("en")}: split it`,
  );

export function parseJsonPayload(text: string): Dhis2DataValue[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Dhis2PayloadError("MALFORMED_JSON", `the body is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw) || !Array.isArray((raw as { dataValues?: unknown }).dataValues)) {
    throw new Dhis2PayloadError("NOT_A_DATA_VALUE_SET", 'the body is not a DHIS2 data value set: expected an object with a "dataValues" array');
  }
  const set = raw as Record<string, unknown> & { dataValues: unknown[] };
  if (set.dataValues.length > MAX_DATA_VALUES) throw tooMany(set.dataValues.length);
  const defaults: Record<string, string> = {};
  for (const field of ["period", "orgUnit", "attributeOptionCombo"] as const) {
    const value = textOf(set[field]);
    if (value === null) throw new Dhis2PayloadError("NOT_A_DATA_VALUE_SET", `the data value set's ${field} must be text`);
    defaults[field] = value;
  }
  return set.dataValues.map((item, index): Dhis2DataValue => {
    const empty = { index, dataElement: "", period: "", orgUnit: "", categoryOptionCombo: "", attributeOptionCombo: "", value: undefined, comment: null };
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      return { ...empty, problem: { property: "dataValue", message: "not a data value object" } };
    }
    const fields = item as Record<string, unknown>;
    const row: Dhis2DataValue = { ...empty, value: fields.value };
    for (const field of FIELDS) {
      const value = textOf(fields[field]);
      if (value === null) return { ...row, problem: { property: field, message: `${field} must be text, got ${JSON.stringify(fields[field])}` } };
      row[field] = value === "" ? (defaults[field] ?? "") : value;
    }
    const comment = textOf(fields.comment);
    if (comment === null) return { ...row, problem: { property: "comment", message: "comment must be text" } };
    row.comment = comment === "" ? null : comment;
    return row;
  });
}

/** DHIS2's CSV column names (older exports say catoptcombo, attroptcombo, lastupd). */
const CSV_COLUMNS = [
  "dataelement",
  "period",
  "orgunit",
  "categoryoptioncombo",
  "attributeoptioncombo",
  "value",
  "storedby",
  "lastupdated",
  "comment",
  "followup",
];
const COLUMN_ALIASES: Record<string, string> = { catoptcombo: "categoryoptioncombo", attroptcombo: "attributeoptioncombo", lastupd: "lastupdated" };
const REQUIRED_COLUMNS = ["dataelement", "period", "orgunit", "value"];

export function parseCsvPayload(text: string): Dhis2DataValue[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true, trim: true, max_record_size: 64 * 1024 }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
  } catch (error) {
    if (error instanceof CsvError) throw new Dhis2PayloadError("MALFORMED_CSV", `the body is not valid CSV: ${error.message}`);
    throw error;
  }
  let columns = CSV_COLUMNS;
  const first = records[0]?.record.map((name) => name.toLowerCase().replace(/[^a-z]/g, ""));
  // A header names the columns (no data value has a field reading "dataelement"); without one, DHIS2's order.
  if (first?.includes("dataelement")) {
    columns = first.map((name) => COLUMN_ALIASES[name] ?? name);
    const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
    if (missing.length > 0)
      throw new Dhis2PayloadError("MISSING_COLUMNS", `the header lacks the columns ${missing.join(", ")} (DHIS2 columns: ${CSV_COLUMNS.join(",")})`);
    records = records.slice(1);
  }
  if (records.length > MAX_DATA_VALUES) throw tooMany(records.length);
  const at = (record: string[], column: string) => {
    const i = columns.indexOf(column);
    return i === -1 ? "" : (record[i] ?? "");
  };
  return records.map(({ record, info }, index) => ({
    index,
    line: info.lines,
    dataElement: at(record, "dataelement"),
    period: at(record, "period"),
    orgUnit: at(record, "orgunit"),
    categoryOptionCombo: at(record, "categoryoptioncombo"),
    attributeOptionCombo: at(record, "attributeoptioncombo"),
    value: at(record, "value"),
    comment: at(record, "comment") === "" ? null : at(record, "comment"),
  }));
}

export function parsePayload(text: string, format: Dhis2PayloadFormat): Dhis2DataValue[] {
  return format === "csv" ? parseCsvPayload(text) : parseJsonPayload(text);
}

/** The format a content type names, as DHIS2 reads it: JSON, or CSV (application/csv, text/csv). */
export function formatOfContentType(contentType: string | undefined): Dhis2PayloadFormat | null {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (type === "application/json") return "json";
  if (type === "application/csv" || type === "text/csv") return "csv";
  return null;
}
