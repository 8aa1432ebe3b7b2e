// The text rules of value files, apart from the import's passes: what makes a file unreadable as a
// whole (a client's mistake, answered 400 with a reason), how a value is written, and how comments
// are kept from acting as spreadsheet formulas in CSV (docs/decisions/0077-value-file-text.md).
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

const NOT_TEXT = 'the file is not text: a value file is CSV or JSON lines in UTF-8 (in a spreadsheet, save it as "CSV UTF-8")';

/**
 * Decodes UTF-8 strictly: a byte sequence that is not UTF-8, or a NUL (which no text file holds),
 * fails the stream with the line it is on, instead of reaching the parser as replacement characters.
 */
export function utf8Text(): Transform {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let line = 1;
  const fail = (done: TransformCallback, pending = "") => done(new ValueFileError("NOT_TEXT", NOT_TEXT, line + newlines(pending)));
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        // The line of the bad byte: count the newlines before it, which decode as themselves.
        return fail(done, chunk.subarray(0, firstInvalid(chunk)).toString("latin1"));
      }
      const nul = text.indexOf("\u0000");
      if (nul >= 0) return fail(done, text.slice(0, nul));
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

/** Digits with an optional sign, decimal part and exponent: what a person or the export writes. */
const DECIMAL = /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * A value as a number, or why it is not one. Only a JSON number or a decimal string: `Number()`
 * alone would also take "0x10" (16), "" (0) and, through a JSON array's text, [5].
 */
export function readValue(raw: unknown): number | { problem: string } {
  if (raw === undefined || raw === null || raw === "") return { problem: "value is missing" };
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : { problem: "value is out of range" };
  if (typeof raw !== "string") return { problem: `value must be a number, got ${JSON.stringify(raw)}` };
  const text = raw.trim();
  if (!DECIMAL.test(text)) return { problem: `value must be a decimal number such as 12 or 0.5, got "${raw}"` };
  const value = Number(text);
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
