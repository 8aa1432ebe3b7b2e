// The mapping of a DHIS2 instance's identifiers (uids or codes, whichever its payloads carry) to this
// system's data elements, sexes and areas. Read from a JSON file the server's operators keep (see
// README, "DHIS2 import"); every problem of the file is named at once.
import fs from "node:fs";
import { BadUserInputError, type Sex } from "@vnge/shared";

/** The area an orgUnit stands for; `hierarchy` null: the version of each value's period. */
export interface OrgUnitTarget {
  areaCode: string;
  hierarchy: string | null;
}

export interface Dhis2Mapping {
  name: string | null;
  /** DHIS2 data element (uid or code) -> data element code here. */
  dataElements: ReadonlyMap<string, string>;
  /** DHIS2 category option combo -> sex; null: a value without sex (the default combination, or a total). */
  categoryOptionCombos: ReadonlyMap<string, Sex | null>;
  /** Attribute option combos accepted (this system keeps no attribute dimension); null: any. */
  attributeOptionCombos: ReadonlySet<string> | null;
  orgUnits: ReadonlyMap<string, OrgUnitTarget>;
}

export interface MappingProblem {
  field: string;
  message: string;
}

/** A mapping file that cannot be used, with every problem found. */
export class Dhis2MappingError extends BadUserInputError {
  constructor(readonly problems: readonly MappingProblem[]) {
    super(`the DHIS2 mapping is invalid: ${problems.map((p) => `${p.field}: ${p.message}`).join("; ")}`, {
      field: problems[0]?.field,
      problems,
    });
  }
}

const SEX_OPTIONS: Record<string, Sex | null> = { MALE: "MALE", FEMALE: "FEMALE", NONE: null, TOTAL: null };
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const KNOWN_KEYS = new Set(["name", "hierarchy", "dataElements", "categoryOptionCombos", "attributeOptionCombos", "orgUnits"]);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";

/** Checks a parsed mapping file; throws Dhis2MappingError naming every problem. */
export function parseMapping(raw: unknown): Dhis2Mapping {
  const problems: MappingProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  if (!isRecord(raw)) throw new Dhis2MappingError([{ field: "(file)", message: "must be a JSON object" }]);
  for (const key of Object.keys(raw)) if (!KNOWN_KEYS.has(key)) problem(key, `unknown key (expected ${[...KNOWN_KEYS].join(", ")})`);

  /** An optional text field: its trimmed text, or null (naming the problem when it is not text). */
  const optionalText = (key: string, expected: string): string | null => {
    const value = raw[key];
    if (value === undefined || value === null) return null;
    if (isText(value)) return value.trim();
    problem(key, `must be ${expected}`);
    return null;
  };
  const name = optionalText("name", "text");
  const defaultHierarchy = optionalText("hierarchy", "a hierarchy version code such as 2025-07");

  /** The entries of one section, an object of identifier -> target. */
  const section = (key: string): [string, unknown][] => {
    const value = raw[key];
    if (value === undefined) {
      problem(key, "is missing");
      return [];
    }
    if (!isRecord(value)) {
      problem(key, "must be an object of DHIS2 identifier -> target");
      return [];
    }
    return Object.entries(value);
  };

  const dataElements = new Map<string, string>();
  for (const [id, target] of section("dataElements")) {
    if (isText(target) && CODE.test(target.trim())) dataElements.set(id.trim(), target.trim());
    else problem(`dataElements.${id}`, `must be a data element code, got ${JSON.stringify(target)}`);
  }

  const categoryOptionCombos = new Map<string, Sex | null>();
  for (const [id, target] of section("categoryOptionCombos")) {
    const option = typeof target === "string" ? target.trim().toUpperCase() : "";
    if (option in SEX_OPTIONS) categoryOptionCombos.set(id.trim(), SEX_OPTIONS[option]);
    else problem(`categoryOptionCombos.${id}`, `must be MALE, FEMALE or NONE (TOTAL: the same as NONE), got ${JSON.stringify(target)}`);
  }

  let attributeOptionCombos: Set<string> | null = null;
  if (raw.attributeOptionCombos !== undefined && raw.attributeOptionCombos !== null) {
    if (Array.isArray(raw.attributeOptionCombos) && raw.attributeOptionCombos.every(isText)) {
      attributeOptionCombos = new Set(raw.attributeOptionCombos.map((id) => id.trim()));
    } else problem("attributeOptionCombos", "must be a list of DHIS2 attribute option combo identifiers");
  }

  const orgUnits = new Map<string, OrgUnitTarget>();
  for (const [id, target] of section("orgUnits")) {
    const field = `orgUnits.${id}`;
    if (isText(target) && CODE.test(target.trim())) {
      orgUnits.set(id.trim(), { areaCode: target.trim(), hierarchy: defaultHierarchy });
    } else if (isRecord(target) && isText(target.code) && CODE.test(target.code.trim())) {
      const hierarchy = target.hierarchy;
      if (hierarchy !== undefined && hierarchy !== null && !isText(hierarchy)) problem(`${field}.hierarchy`, "must be a hierarchy version code");
      else orgUnits.set(id.trim(), { areaCode: target.code.trim(), hierarchy: isText(hierarchy) ? hierarchy.trim() : defaultHierarchy });
    } else {
      problem(field, `must be an area code ("38") or { "code": "38", "hierarchy": "2025-07" }, got ${JSON.stringify(target)}`);
    }
  }

  if (problems.length > 0) throw new Dhis2MappingError(problems);
  return { name, dataElements, categoryOptionCombos, attributeOptionCombos, orgUnits };
}

/** Reads and checks a mapping file. */
export async function readMappingFile(file: string): Promise<Dhis2Mapping> {
  const text = await fs.promises.readFile(file, "utf8");
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Dhis2MappingError([{ field: "(file)", message: `is not valid JSON: ${(error as Error).message}` }]);
  }
  return parseMapping(raw);
}
