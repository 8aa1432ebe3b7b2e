// catalogue:export and catalogue:import: the stored catalogue as a file, and a file into the catalogue. An import
// is all or nothing (every bad entry named, nothing written), idempotent (a file already applied changes nothing)
// and follows the rules of the mutations: a definition with data keeps its meaning (docs/decisions/0085, 0087).
import { type Database, type DataElementRecord, type IndicatorRecord, NATION_CODE } from "@vnge/shared";
import { CATALOGUE_FORMAT, type CatalogueFile, CatalogueFileError, catalogueFileProblems, parseCatalogueFile } from "./catalogue-file";
import { type CatalogueWrite, CatalogueFileStore, type StoredCatalogue, type StoredDataSet } from "./catalogue-file.store";
import { CatalogueStore } from "./catalogue.store";

export { CatalogueFileError };

export interface CatalogueImportSummary {
  dryRun: boolean;
  /** "INDICATOR 62.X" and so on, per action. */
  created: string[];
  updated: string[];
  retired: string[];
  unchanged: number;
}

const ELEMENT_MEANING = ["valueType", "disaggregatedBySex", "collectionLevel"] as const;
const INDICATOR_MEANING = ["numeratorElementCode", "numeratorSex", "denominatorElementCode", "denominatorSex", "factor", "unit"] as const;

/** The stored catalogue as a file: defaults left out, so the shipped file and an export of it read alike. */
export function toCatalogueFile(stored: StoredCatalogue): CatalogueFile {
  const optional = <T>(present: boolean, value: T) => (present ? value : undefined);
  const owner = (value: string) => optional(value !== NATION_CODE, value);
  const retired = (at: Date | null) => optional(at !== null, true as const);
  return {
    format: CATALOGUE_FORMAT,
    version: 1,
    dataElements: stored.dataElements.map((e) => ({
      code: e.code,
      owner: owner(e.owner),
      name: e.name,
      nameVi: e.nameVi,
      description: e.description ?? undefined,
      valueType: e.valueType,
      disaggregatedBySex: e.disaggregatedBySex,
      collectionLevel: e.collectionLevel,
      collectionLevelWithoutDistricts: e.collectionLevelWithoutDistricts ?? undefined,
      confidential: optional(e.confidential, true),
      maxValue: e.maxValue ?? undefined,
      retired: retired(e.retiredAt),
    })),
    indicators: stored.indicators.map((i) => ({
      code: i.code,
      owner: owner(i.owner),
      name: i.name,
      nameVi: i.nameVi,
      description: i.description ?? undefined,
      numerator: { element: i.numeratorElementCode, sex: i.numeratorSex ?? undefined },
      denominator: i.denominatorElementCode ? { element: i.denominatorElementCode, sex: i.denominatorSex ?? undefined } : undefined,
      factor: i.factor,
      unit: i.unit,
      decimals: i.decimals,
      betterDirection: i.betterDirection,
      retired: retired(i.retiredAt),
    })),
    dataSets: stored.dataSets.map((s) => ({
      code: s.code,
      owner: owner(s.owner),
      name: s.name,
      nameVi: s.nameVi,
      collectionLevel: s.collectionLevel,
      collectionLevelWithoutDistricts: s.collectionLevelWithoutDistricts ?? undefined,
      elements: s.elements,
      deadlines: s.deadlines.map((d) => ({ level: d.level, month: d.month, day: d.day, yearOffset: d.yearOffset === 0 ? undefined : d.yearOffset })),
      retired: retired(s.retiredAt),
    })),
  };
}

/** JSON text of the stored catalogue, ordered by code (undefined fields dropped). */
export async function exportCatalogue(db: Database): Promise<string> {
  return `${JSON.stringify(toCatalogueFile(await new CatalogueFileStore(db).readAll()), null, 2)}\n`;
}

const retiredAt = (retired: boolean | undefined, before: { retiredAt: Date | null } | null, now: Date) => (retired ? (before?.retiredAt ?? now) : null);
const same = (a: object | null, b: object) => a !== null && JSON.stringify(a) === JSON.stringify(b);
const action = (before: { retiredAt: Date | null } | null, after: { retiredAt: Date | null }) =>
  before === null ? "CREATE" : after.retiredAt && !before.retiredAt ? "RETIRE" : "UPDATE";

/** Reads, checks and (unless a dry run) applies a catalogue file; throws CatalogueFileError with every bad entry. */
export async function importCatalogue(db: Database, text: string, options: { dryRun?: boolean; changedBy: string }): Promise<CatalogueImportSummary> {
  const file = parseCatalogueFile(text);
  const store = new CatalogueFileStore(db);
  const rules = new CatalogueStore(db);
  const stored = await store.readAll();
  const problems = catalogueFileProblems(file, stored.dataElements);
  const now = new Date();
  const writes: CatalogueWrite[] = [];
  let unchanged = 0;

  const elementsBefore = new Map(stored.dataElements.map((e) => [e.code, e]));
  const withValues = new Set(await rules.elementsWithValues(file.dataElements.map((e) => e.code).filter((code) => elementsBefore.has(code))));
  for (const [i, entry] of file.dataElements.entries()) {
    const before = elementsBefore.get(entry.code) ?? null;
    const after: DataElementRecord = {
      code: entry.code,
      name: entry.name,
      nameVi: entry.nameVi,
      description: entry.description ?? null,
      valueType: entry.valueType,
      disaggregatedBySex: entry.disaggregatedBySex,
      collectionLevel: entry.collectionLevel,
      collectionLevelWithoutDistricts: entry.collectionLevelWithoutDistricts ?? null,
      maxValue: entry.maxValue ?? null,
      confidential: entry.confidential ?? false,
      owner: entry.owner ?? NATION_CODE,
      retiredAt: retiredAt(entry.retired, before, now),
    };
    if (same(before, after)) {
      unchanged++;
      continue;
    }
    if (before && before.owner !== after.owner)
      problems.push(`dataElements[${i}] (${entry.code}): owned by ${before.owner}; the owner is part of the code and cannot change`);
    const changed = ELEMENT_MEANING.filter((field) => before && before[field] !== after[field]);
    if (changed.length > 0 && withValues.has(entry.code))
      problems.push(`dataElements[${i}] (${entry.code}): holds values: its ${changed.join(", ")} cannot change`);
    writes.push({ kind: "DATA_ELEMENT", action: action(before, after), before, after });
  }

  const indicatorsBefore = new Map(stored.indicators.map((i) => [i.code, i]));
  for (const [i, entry] of file.indicators.entries()) {
    const before = indicatorsBefore.get(entry.code) ?? null;
    const after: IndicatorRecord = {
      code: entry.code,
      name: entry.name,
      nameVi: entry.nameVi,
      description: entry.description ?? null,
      numeratorElementCode: entry.numerator.element,
      numeratorSex: entry.numerator.sex ?? null,
      denominatorElementCode: entry.denominator?.element ?? null,
      denominatorSex: entry.denominator?.sex ?? null,
      factor: entry.factor,
      unit: entry.unit,
      decimals: entry.decimals,
      betterDirection: entry.betterDirection,
      owner: entry.owner ?? NATION_CODE,
      retiredAt: retiredAt(entry.retired, before, now),
    };
    if (same(before, after)) {
      unchanged++;
      continue;
    }
    if (before && before.owner !== after.owner)
      problems.push(`indicators[${i}] (${entry.code}): owned by ${before.owner}; the owner is part of the code and cannot change`);
    const changed = INDICATOR_MEANING.filter((field) => before && before[field] !== after[field]);
    if (before && changed.length > 0) {
      const terms = [before.numeratorElementCode, ...(before.denominatorElementCode ? [before.denominatorElementCode] : [])];
      const [values, targets] = await Promise.all([rules.elementsWithValues(terms), rules.targetCount(before.code)]);
      if (values.length > 0 || targets > 0)
        problems.push(
          `indicators[${i}] (${entry.code}): has ${values.length > 0 ? "values" : ""}${values.length > 0 && targets > 0 ? " and " : ""}${targets > 0 ? "targets" : ""}: its ${changed.join(", ")} cannot change`,
        );
    }
    writes.push({ kind: "INDICATOR", action: action(before, after), before, after });
  }

  const setsBefore = new Map(stored.dataSets.map((s) => [s.code, s]));
  const order = ["NATION", "PROVINCE", "DISTRICT", "COMMUNE"];
  for (const entry of file.dataSets) {
    const before = setsBefore.get(entry.code) ?? null;
    const after: StoredDataSet = {
      code: entry.code,
      name: entry.name,
      nameVi: entry.nameVi,
      collectionLevel: entry.collectionLevel,
      collectionLevelWithoutDistricts: entry.collectionLevelWithoutDistricts ?? null,
      owner: entry.owner ?? NATION_CODE,
      retiredAt: retiredAt(entry.retired, before, now),
      elements: [...entry.elements].sort(),
      deadlines: entry.deadlines
        .map((d) => ({ level: d.level, month: d.month, day: d.day, yearOffset: d.yearOffset ?? 0 }))
        .sort((a, b) => order.indexOf(b.level) - order.indexOf(a.level)),
    };
    if (same(before, after)) {
      unchanged++;
      continue;
    }
    writes.push({ kind: "DATA_SET", action: action(before, after), before, after });
  }

  // every local owner must be a province or a district
  const owners = new Set([...file.dataElements, ...file.indicators, ...file.dataSets].map((e) => e.owner ?? NATION_CODE).filter((o) => o !== NATION_CODE));
  for (const owner of owners) {
    const places = (await rules.areaLevels(owner)).filter((p) => p.level === "PROVINCE" || p.level === "DISTRICT");
    if (places.length === 0)
      problems.push(
        `owner ${owner} (of ${[...file.dataElements, ...file.indicators, ...file.dataSets]
          .filter((e) => e.owner === owner)
          .map((e) => e.code)
          .join(", ")}) is not a province or a district`,
      );
  }
  if (problems.length > 0) throw new CatalogueFileError(problems);
  if (!options.dryRun && writes.length > 0) await store.apply(writes, options.changedBy);
  const named = (a: string) => writes.filter((w) => w.action === a).map((w) => `${w.kind} ${w.after.code}`);
  return { dryRun: options.dryRun === true, created: named("CREATE"), updated: named("UPDATE"), retired: named("RETIRE"), unchanged };
}
