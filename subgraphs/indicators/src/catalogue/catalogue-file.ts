// The catalogue file: every definition (data elements, indicators, data sets) as one JSON document that moves a
// catalogue between servers (docs/decisions/0087). Reading and checking it is pure; catalogue-transfer.ts applies it.
import { AREA_LEVELS, NATION_CODE } from "@vnge/shared";
import type { Catalogue, DataElementDefinition, IndicatorDefinition } from "./catalogue-definition";
import type { DataSetDefinition } from "../data-set/data-set.data";
import { dataSetProblems } from "../data-set/data-set.seed";
import { catalogueProblems } from "./catalogue.seed";
import { type ElementFacts, codeProblem, formulaProblems } from "./catalogue.rules";

export const CATALOGUE_FORMAT = "vnge-catalogue";

type Retirable = { retired?: boolean };
export interface CatalogueFile {
  format: typeof CATALOGUE_FORMAT;
  version: 1;
  dataElements: (DataElementDefinition & Retirable)[];
  indicators: (IndicatorDefinition & Retirable)[];
  dataSets: (DataSetDefinition & Retirable)[];
}

export class CatalogueFileError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The catalogue file was not imported (nothing written):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

const VALUE_TYPES = ["COUNT", "NUMBER"];
const UNITS = ["PERCENT", "PER_100000", "BOYS_PER_100_GIRLS", "TIMES", "COUNT", "YES_NO"];
const SEXES = ["MALE", "FEMALE"];
const DIRECTIONS = ["HIGHER", "LOWER"];
/** Where a DISTRICT definition may be collected in a version without districts (decision 0098). */
const WITHOUT_DISTRICTS = ["PROVINCE", "COMMUNE"];

type Entry = Record<string, unknown>;

/** A checker of one entry's fields: each problem is named by the entry's place and code. */
function fieldChecker(list: string, index: number, entry: Entry, problems: string[]) {
  const name = `${list}[${index}]${typeof entry.code === "string" ? ` (${entry.code})` : ""}`;
  const fail = (message: string): void => void problems.push(`${name}: ${message}`);
  return {
    fail,
    text(field: string, optional = false) {
      const value = entry[field];
      if (value === undefined && optional) return;
      if (typeof value !== "string" || value.trim() === "") fail(`${field} must be a non-empty string`);
    },
    oneOf(field: string, allowed: readonly string[], optional = false) {
      const value = entry[field];
      if (value === undefined && optional) return;
      if (typeof value !== "string" || !allowed.includes(value)) fail(`${field} must be one of ${allowed.join(", ")}, got ${JSON.stringify(value)}`);
    },
    flag(field: string, optional = false) {
      const value = entry[field];
      if (value === undefined && optional) return;
      if (typeof value !== "boolean") fail(`${field} must be true or false`);
    },
    number(field: string, optional = false) {
      const value = entry[field];
      if (value === undefined && optional) return;
      if (typeof value !== "number" || !Number.isFinite(value)) fail(`${field} must be a number`);
    },
  };
}

function termProblems(check: ReturnType<typeof fieldChecker>, side: string, term: unknown, optional: boolean): void {
  if (term === undefined && optional) return;
  if (typeof term !== "object" || term === null) {
    check.fail(`${side} must be an object { element, sex? }`);
    return;
  }
  const { element, sex } = term as Entry;
  if (typeof element !== "string" || element === "") check.fail(`${side}.element must be a data element code`);
  if (sex !== undefined && (typeof sex !== "string" || !SEXES.includes(sex))) check.fail(`${side}.sex must be MALE or FEMALE`);
}

/** Parses the text and checks its shape; throws CatalogueFileError naming every bad entry. */
export function parseCatalogueFile(text: string): CatalogueFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CatalogueFileError([`not JSON: ${(error as Error).message}`]);
  }
  const file = parsed as Entry;
  const problems: string[] = [];
  if (typeof file !== "object" || file === null || file.format !== CATALOGUE_FORMAT || file.version !== 1) {
    throw new CatalogueFileError([`not a catalogue file: expected { "format": "${CATALOGUE_FORMAT}", "version": 1, ... }`]);
  }
  for (const list of ["dataElements", "indicators", "dataSets"]) if (!Array.isArray(file[list])) problems.push(`${list} must be a list`);
  if (problems.length > 0) throw new CatalogueFileError(problems);
  (file.dataElements as Entry[]).forEach((entry, i) => {
    const check = fieldChecker("dataElements", i, entry, problems);
    for (const field of ["code", "name", "nameVi"]) check.text(field);
    check.text("description", true);
    check.text("owner", true);
    check.oneOf("valueType", VALUE_TYPES);
    check.oneOf("collectionLevel", AREA_LEVELS);
    check.oneOf("collectionLevelWithoutDistricts", WITHOUT_DISTRICTS, true);
    check.flag("disaggregatedBySex");
    check.flag("confidential", true);
    check.flag("retired", true);
    check.number("maxValue", true);
  });
  (file.indicators as Entry[]).forEach((entry, i) => {
    const check = fieldChecker("indicators", i, entry, problems);
    for (const field of ["code", "name", "nameVi"]) check.text(field);
    check.text("description", true);
    check.text("owner", true);
    check.oneOf("unit", UNITS);
    check.oneOf("betterDirection", DIRECTIONS);
    check.number("factor");
    check.number("decimals");
    check.flag("retired", true);
    termProblems(check, "numerator", entry.numerator, false);
    termProblems(check, "denominator", entry.denominator, true);
  });
  (file.dataSets as Entry[]).forEach((entry, i) => {
    const check = fieldChecker("dataSets", i, entry, problems);
    for (const field of ["code", "name", "nameVi"]) check.text(field);
    check.text("owner", true);
    check.oneOf("collectionLevel", AREA_LEVELS);
    check.oneOf("collectionLevelWithoutDistricts", WITHOUT_DISTRICTS, true);
    check.flag("retired", true);
    if (!Array.isArray(entry.elements) || entry.elements.some((e) => typeof e !== "string")) check.fail("elements must be a list of data element codes");
    if (!Array.isArray(entry.deadlines)) check.fail("deadlines must be a list of { level, month, day }");
  });
  if (problems.length > 0) throw new CatalogueFileError(problems);
  return parsed as CatalogueFile;
}

/**
 * The rules every definition of the file must follow once it is read: codes and owners, formulas over the
 * file's elements or the stored ones, data sets over known elements.
 */
export function catalogueFileProblems(file: CatalogueFile, storedElements: readonly ElementFacts[]): string[] {
  const problems: string[] = [];
  const elements = new Map<string, ElementFacts>(storedElements.map((e) => [e.code, e]));
  file.dataElements.forEach((e, i) => {
    const problem = codeProblem(e.code, e.owner ?? NATION_CODE);
    if (problem) problems.push(`dataElements[${i}] (${e.code}): ${problem.message}`);
    elements.set(e.code, {
      code: e.code,
      disaggregatedBySex: e.disaggregatedBySex,
      collectionLevel: e.collectionLevel,
      collectionLevelWithoutDistricts: e.collectionLevelWithoutDistricts ?? null,
      owner: e.owner ?? NATION_CODE,
      retiredAt: e.retired ? new Date(0) : null,
    });
  });
  file.indicators.forEach((indicator, i) => {
    const name = `indicators[${i}] (${indicator.code})`;
    const owner = indicator.owner ?? NATION_CODE;
    const problem = codeProblem(indicator.code, owner);
    if (problem) problems.push(`${name}: ${problem.message}`);
    // a retired indicator may keep its retired elements
    const usable = indicator.retired ? new Map([...elements].map(([code, e]) => [code, { ...e, retiredAt: null }])) : elements;
    for (const p of formulaProblems({ owner, numerator: indicator.numerator, denominator: indicator.denominator, factor: indicator.factor }, usable)) {
      problems.push(`${name}: ${p.message}`);
    }
  });
  // duplicates and decimals, as the default catalogue is checked (elements known from the database count too)
  const known: Catalogue = {
    dataElements: [...elements.values()].map((e) => ({
      code: e.code,
      name: e.code,
      nameVi: e.code,
      valueType: "COUNT",
      disaggregatedBySex: e.disaggregatedBySex,
      collectionLevel: e.collectionLevel,
    })),
    indicators: file.indicators,
  };
  const duplicates = file.dataElements.map((e) => e.code).filter((code, i, all) => all.indexOf(code) !== i);
  for (const code of new Set(duplicates)) problems.push(`data element ${code} is defined twice`);
  problems.push(...catalogueProblems(known).filter((p) => !p.includes("refers to unknown") && !p.includes("filters by sex")));
  const setElements = [...elements.values()].map((e) => ({
    code: e.code,
    name: e.code,
    nameVi: e.code,
    valueType: "COUNT" as const,
    disaggregatedBySex: e.disaggregatedBySex,
    collectionLevel: e.collectionLevel,
    collectionLevelWithoutDistricts: e.collectionLevelWithoutDistricts ?? undefined,
  }));
  problems.push(...dataSetProblems(file.dataSets, setElements));
  return problems;
}
