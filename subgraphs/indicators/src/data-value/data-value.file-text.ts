// The text rules of value files, apart from the import's passes: what makes a file unreadable as a
// whole (a client's mistake, answered 400 with a reason), the encodings and number notations read,
// how a value is written, and how comments are kept from acting as spreadsheet formulas in CSV
// (docs/decisions/0077-value-file-text.md, 0112-value-file-variants.md).
import { Transform, type TransformCallback } from "node:stream";
import { BadUserInputError } from "@vnge/shared";

/** Why a file cannot be read as values at all. */
export type ValueFileProblem = "NOT_TEXT" | "MALFORMED_CSV" | "MISSING_COLUMNS" | "EMPTY_FILE";

/** A file that is not a file of values (no row of it can be judged): nothing is written. */
export class ValueFileError extends BadUserInputError {
  constructor(
    readonly reason: ValueFileProblem,
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`, { reason, ...(line === undefined ? {} : { line }) });
  }
}

const NOT_TEXT =
  'the file is not text: a value file is CSV or JSON lines in UTF-8, or in UTF-16 with a byte-order mark (in a spreadsheet, save it as "CSV UTF-8" or "Unicode text")';
const UTF16_WITHOUT_BOM =
  'the file looks like UTF-16 without a byte-order mark, which cannot be told from binary data safely: save it as "CSV UTF-8" or as "Unicode text"';

/** The encodings a value file may be in: UTF-8 (with or without a byte-order mark), or UTF-16 told by its byte-order mark. */
export type ValueFileEncoding = "utf-8" | "utf-16le" | "utf-16be";

/** The encoding the first bytes of a file announce: a UTF-16 byte-order mark, else UTF-8. */
export function encodingOf(head: Buffer): ValueFileEncoding {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  return "utf-8";
}

/** ASCII text in UTF-16 without a byte-order mark: a NUL beside nearly every character. */
function looksLikeUtf16(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 512);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? evenNul++ : oddNul++;
  return sample.length >= 8 && Math.max(evenNul, oddNul) >= sample.length * 0.4 && Math.min(evenNul, oddNul) === 0;
}

/**
 * Decodes strictly: a byte sequence invalid in the encoding, or a NUL (which no text file holds),
 * fails the stream with the line it is on, instead of reaching the parser as replacement characters.
 * The byte-order mark is removed.
 */
export function decodedText(encoding: ValueFileEncoding = "utf-8"): Transform {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let line = 1;
  let first = true;
  const fail = (done: TransformCallback, pending = "", message = NOT_TEXT) => done(new ValueFileError("NOT_TEXT", message, line + newlines(pending)));
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      const start = first;
      first = false;
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        // The line of the bad byte: count the newlines before it, which decode as themselves.
        return fail(done, encoding === "utf-8" ? chunk.subarray(0, firstInvalid(chunk)).toString("latin1") : "");
      }
      const nul = text.indexOf("\u0000");
      if (nul >= 0) return fail(done, text.slice(0, nul), start && nul < 2 && encoding === "utf-8" && looksLikeUtf16(chunk) ? UTF16_WITHOUT_BOM : NOT_TEXT);
      line += newlines(text);
      done(null, text);
    },
    flush(done) {
      try {
        const rest = decoder.decode();
        done(null, rest === "" ? undefined : rest);
      } catch {
        fail(done); // the file ends inside a character
      }
    },
  });
}

/** UTF-8 decoded strictly (see decodedText). */
export const utf8Text = (): Transform => decodedText("utf-8");

const newlines = (text: string): number => text.split("\n").length - 1;

/** Length of the longest prefix of `bytes` that is valid UTF-8 (so far): invalidity only grows with length. */
function firstInvalid(bytes: Buffer): number {
  let valid = 0;
  let invalid = bytes.length;
  while (invalid - valid > 1) {
    const middle = (valid + invalid) >> 1;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
      valid = middle;
    } catch {
      invalid = middle;
    }
  }
  return valid;
}

/** The field separators a CSV file may use: the comma, the semicolon of spreadsheets whose decimal mark is a comma, the tab of "Unicode text". */
export type Delimiter = "," | ";" | "\t";

/** How a file writes numbers (docs/decisions/0112-value-file-variants.md). */
export type Notation =
  /** Decimal point; commas group thousands in exact groups of three (comma-separated CSV, JSON). */
  | "point"
  /** Decimal comma; points group thousands in exact groups of three (semicolon-separated CSV, as a Vietnamese spreadsheet writes it). */
  | "comma"
  /** Either (tab-separated "Unicode text", written in the computer's own notation): a value is read only when both agree or one alone fits. */
  | "either";

export const notationOf = (delimiter: Delimiter): Notation => (delimiter === "," ? "point" : delimiter === ";" ? "comma" : "either");

/** Digits with an optional sign, decimal part and exponent: what a person or the export writes. */
const DECIMAL = /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/;
const GROUPED = { point: /^([+-]?)(\d{1,3}(?:,\d{3})+)(\.\d+)?$/, comma: /^([+-]?)(\d{1,3}(?:\.\d{3})+)(,\d+)?$/ };
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/** The text as a number in one notation, or null when it is not written in it. */
function readIn(text: string, notation: "point" | "comma"): number | null {
  if (notation === "point") {
    if (DECIMAL.test(text)) return Number(text);
  } else {
    if (/^[+-]?\d+$/.test(text)) return Number(text);
    if (DECIMAL_COMMA.test(text)) return Number(text.replace(",", "."));
  }
  const grouped = GROUPED[notation].exec(text);
  if (!grouped) return null;
  const [, sign, digits, decimals = ""] = grouped;
  return Number(`${sign}${digits.replace(/[.,]/g, "")}${decimals.replace(",", ".")}`);
}

const NOT_A_NUMBER: Record<Notation, string> = {
  point: "value must be a decimal number such as 12 or 0.5",
  comma: "value must be a number such as 12, 0,5 or 1.234 (a semicolon-separated file writes decimals with a comma)",
  either: "value must be a number such as 12 or 0.5",
};

/**
 * A value as a number, or why it is not one (quoting the text). Only a JSON number or a decimal
 * string in the file's notation: `Number()` alone would also take "0x10" (16), "" (0) and, through a
 * JSON array's text, [5].
 */
export function readValue(raw: unknown): number | { problem: string } {
  return readValueIn(raw, "point");
}

export function readValueIn(raw: unknown, notation: Notation): number | { problem: string } {
  if (raw === undefined || raw === null || raw === "") return { problem: "value is missing" };
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : { problem: "value is out of range" };
  if (typeof raw !== "string") return { problem: `value must be a number, got ${JSON.stringify(raw)}` };
  const text = raw.trim();
  if (text === "") return { problem: `value is missing, got "${raw}"` };
  let value: number | null;
  if (notation === "either") {
    const [point, comma] = [readIn(text, "point"), readIn(text, "comma")];
    if (point !== null && comma !== null && point !== comma) {
      return { problem: `value "${raw}" is ${point} with a decimal point and ${comma} with a decimal comma: write it without a thousands separator` };
    }
    value = point ?? comma;
  } else value = readIn(text, notation);
  if (value === null) return { problem: `${NOT_A_NUMBER[notation]}, got "${raw}"` };
  return Number.isFinite(value) ? value : { problem: `value is out of range, got "${raw}"` };
}

/**
 * Characters that make a spreadsheet read a cell as a formula (or, tab and carriage return, hide
 * one): a comment starting with one of them, after any number of single quotes, is written with one
 * more quote in front. Reading removes exactly that quote, so a file exported and imported again
 * keeps every comment as it was.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const ESCAPED_FORMULA = /^'+[=+\-@\t\r]/;

export const escapeFormula = (comment: string): string => (FORMULA_START.test(comment) ? `'${comment}` : comment);

export const unescapeFormula = (comment: string): string => (ESCAPED_FORMULA.test(comment) ? comment.slice(1) : comment);
