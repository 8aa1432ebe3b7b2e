// Reads a file of agencies (CSV with a header, or a JSON array) into the input defineAgencies takes, checking every
// row by the same rules as the API; every problem is reported with its line (CSV) or index (JSON), not only the first.
// CSV columns: code, area_code, hierarchy, kind, name, name_vi, aliases (several separated by "|").
import { parse } from "csv-parse/sync";
import { validate } from "class-validator";
import { AgencyKind } from "./agency.enums";
import { AgencyInput } from "./agency.input";

export interface AgencyFileProblem {
  /** "line 4" of a CSV file, "[3]" of a JSON array. */
  at: string;
  message: string;
}

export class AgencyFileError extends Error {
  constructor(readonly problems: AgencyFileProblem[]) {
    super(problems.map((p) => `${p.at}: ${p.message}`).join("\n"));
  }
}

const KINDS = Object.values(AgencyKind) as string[];
const REQUIRED = ["code", "area_code", "kind", "name_vi"] as const;
const COLUMNS = new Set([...REQUIRED, "hierarchy", "name", "aliases"]);

type Fields = Partial<Record<"code" | "areaCode" | "hierarchy" | "kind" | "name" | "nameVi" | "aliases", unknown>>;

/** Parses and checks the file's text; `format` from the file name's extension when not given. */
export async function readAgencyFile(text: string, format: "csv" | "json"): Promise<AgencyInput[]> {
  const rows = format === "json" ? fromJson(text) : fromCsv(text);
  const problems: AgencyFileProblem[] = [];
  const inputs: AgencyInput[] = [];
  for (const { at, fields } of rows) {
    const input = Object.assign(new AgencyInput(), {
      code: str(fields.code),
      areaCode: str(fields.areaCode),
      hierarchy: str(fields.hierarchy) || null,
      kind: str(fields.kind).toUpperCase(),
      name: str(fields.name) || null,
      nameVi: str(fields.nameVi),
      aliases: aliasesOf(fields.aliases),
    });
    const messages: string[] = [];
    if (input.areaCode === "") messages.push("area_code is empty");
    if (!KINDS.includes(input.kind)) messages.push(`kind "${input.kind}" is not one of ${KINDS.join(", ")}`);
    for (const error of await validate(input)) messages.push(...Object.values(error.constraints ?? {}));
    if (messages.length > 0) problems.push({ at, message: messages.join("; ") });
    else inputs.push(input);
  }
  if (rows.length === 0) problems.push({ at: "file", message: "no agencies in the file" });
  if (problems.length > 0) throw new AgencyFileError(problems);
  return inputs;

  function str(value: unknown): string {
    return typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
  }
}

function aliasesOf(value: unknown): string[] {
  if (Array.isArray(value))
    return value
      .filter((v): v is string => typeof v === "string")
      .map((v) => v.trim())
      .filter(Boolean);
  return typeof value === "string"
    ? value
        .split("|")
        .map((v) => v.trim())
        .filter(Boolean)
    : [];
}

function fromCsv(text: string): { at: string; fields: Fields }[] {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    throw new AgencyFileError([{ at: "file", message: `not a CSV file: ${(error as Error).message}` }]);
  }
  const header = (records[0] ?? []).map((name) => name.trim().toLowerCase());
  const missing = REQUIRED.filter((name) => !header.includes(name));
  const unknown = header.filter((name) => !COLUMNS.has(name));
  if (missing.length > 0 || unknown.length > 0)
    throw new AgencyFileError([
      {
        at: "line 1",
        message: [missing.length > 0 ? `missing column(s) ${missing.join(", ")}` : "", unknown.length > 0 ? `unknown column(s) ${unknown.join(", ")}` : ""]
          .filter(Boolean)
          .join("; "),
      },
    ]);
  const cell = (record: string[], name: string) => record[header.indexOf(name)];
  return records.slice(1).map((record, i) => ({
    at: `line ${i + 2}`,
    fields: {
      code: cell(record, "code"),
      areaCode: cell(record, "area_code"),
      hierarchy: cell(record, "hierarchy"),
      kind: cell(record, "kind"),
      name: cell(record, "name"),
      nameVi: cell(record, "name_vi"),
      aliases: cell(record, "aliases"),
    },
  }));
}

function fromJson(text: string): { at: string; fields: Fields }[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AgencyFileError([{ at: "file", message: `not JSON: ${(error as Error).message}` }]);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { agencies?: unknown })?.agencies;
  if (!Array.isArray(list)) throw new AgencyFileError([{ at: "file", message: 'expected an array of agencies (or { "agencies": [...] })' }]);
  return list.map((item, i) => ({ at: `[${i}]`, fields: typeof item === "object" && item !== null ? (item as Fields) : {} }));
}
