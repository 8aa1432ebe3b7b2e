// Loads the default catalogue into a database (every database, not only the demo): an idempotent
// upsert of each data element and indicator by code, in one transaction.
import type { Database } from "@vnge/shared";
import { type Catalogue, type DataElementDefinition, DEFAULT_CATALOGUE } from "./catalogue-definition";
import { DATA_SETS } from "../data-set/data-set.data";
import { seedDataSets } from "../data-set/data-set.seed";

export { type Catalogue, DEFAULT_CATALOGUE };

/** Every problem with a catalogue: unknown element codes, sex filters on undisaggregated elements, duplicates. */
export function catalogueProblems(catalogue: Catalogue): string[] {
  const problems: string[] = [];
  const elements = new Map<string, DataElementDefinition>();
  for (const element of catalogue.dataElements) {
    if (elements.has(element.code)) problems.push(`data element ${element.code} is defined twice`);
    elements.set(element.code, element);
  }
  const indicatorCodes = new Set<string>();
  for (const indicator of catalogue.indicators) {
    if (indicatorCodes.has(indicator.code)) problems.push(`indicator ${indicator.code} is defined twice`);
    indicatorCodes.add(indicator.code);
    for (const [side, term] of [
      ["numerator", indicator.numerator],
      ["denominator", indicator.denominator],
    ] as const) {
      if (!term) continue;
      const element = elements.get(term.element);
      if (!element) problems.push(`indicator ${indicator.code}: ${side} refers to unknown data element ${term.element}`);
      else if (term.sex && !element.disaggregatedBySex) {
        problems.push(`indicator ${indicator.code}: ${side} filters by sex but ${term.element} is not disaggregated by sex`);
      }
    }
    if (!Number.isInteger(indicator.decimals) || indicator.decimals < 0 || indicator.decimals > 6) {
      problems.push(`indicator ${indicator.code}: decimals must be an integer from 0 to 6`);
    }
  }
  return problems;
}

export interface CatalogueSeedSummary {
  dataElements: number;
  indicators: number;
}

export async function seedCatalogue(db: Database, catalogue: Catalogue = DEFAULT_CATALOGUE): Promise<CatalogueSeedSummary> {
  const problems = catalogueProblems(catalogue);
  if (problems.length > 0) throw new Error(`The indicator catalogue is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  const elementWrites = catalogue.dataElements.map((element) => {
    const data = {
      name: element.name,
      nameVi: element.nameVi,
      description: element.description ?? null,
      valueType: element.valueType,
      disaggregatedBySex: element.disaggregatedBySex,
      collectionLevel: element.collectionLevel,
      collectionLevelWithoutDistricts: element.collectionLevelWithoutDistricts ?? null,
      confidential: element.confidential ?? false,
      maxValue: element.maxValue ?? null,
      owner: element.owner ?? "VN",
    };
    return db.prisma.dataElement.upsert({ where: { code: element.code }, create: { code: element.code, ...data }, update: data });
  });
  const indicatorWrites = catalogue.indicators.map((indicator) => {
    const data = {
      name: indicator.name,
      nameVi: indicator.nameVi,
      description: indicator.description ?? null,
      numeratorElementCode: indicator.numerator.element,
      numeratorSex: indicator.numerator.sex ?? null,
      denominatorElementCode: indicator.denominator?.element ?? null,
      denominatorSex: indicator.denominator?.sex ?? null,
      factor: indicator.factor,
      unit: indicator.unit,
      decimals: indicator.decimals,
      betterDirection: indicator.betterDirection,
      owner: indicator.owner ?? "VN",
    };
    return db.prisma.indicator.upsert({ where: { code: indicator.code }, create: { code: indicator.code, ...data }, update: data });
  });
  await db.prisma.$transaction([...elementWrites, ...indicatorWrites]);
  // the default data sets group the default elements; a custom catalogue brings none
  if (catalogue === DEFAULT_CATALOGUE) await seedDataSets(db, DATA_SETS, catalogue.dataElements);
  return { dataElements: elementWrites.length, indicators: indicatorWrites.length };
}
