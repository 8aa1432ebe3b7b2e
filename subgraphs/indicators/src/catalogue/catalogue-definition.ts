// The default catalogue: the National Strategy on Gender Equality 2021-2030 (Resolution 28/NQ-CP)
// indicators and those the provincial plans report on, as data elements (what areas report) and
// indicators (numerator / denominator x factor over those elements). It is data, in the catalogue file
// format (prisma/seed/catalogue.json, docs/decisions/0087), loaded into every database by seedCatalogue;
// the codes are stable identifiers that clients may store.
import fs from "node:fs";
import path from "node:path";
import { type AreaLevel, type BetterDirection, type IndicatorUnit, repoRoot, type Sex, type ValueType } from "@vnge/shared";

export interface DataElementDefinition {
  code: string;
  name: string;
  nameVi: string;
  description?: string;
  valueType: ValueType;
  disaggregatedBySex: boolean;
  collectionLevel: AreaLevel;
  /** For a DISTRICT element: where it is collected in a version without districts (PROVINCE when absent; decision 0098). */
  collectionLevelWithoutDistricts?: AreaLevel;
  /** Derived from case records: the disclosure rule suppresses its small figures (docs/decisions/0080). */
  confidential?: boolean;
  /** The largest value accepted (1 for a yes/no answer). */
  maxValue?: number;
  /** VN (the default) for a national definition; otherwise the area owning a local one (docs/decisions/0084). */
  owner?: string;
}

export interface IndicatorTermDefinition {
  element: string;
  sex?: Sex;
}

export interface IndicatorDefinition {
  code: string;
  name: string;
  nameVi: string;
  description?: string;
  numerator: IndicatorTermDefinition;
  /** Absent for a plain sum of the numerator. */
  denominator?: IndicatorTermDefinition;
  factor: number;
  unit: IndicatorUnit;
  decimals: number;
  betterDirection: BetterDirection;
  owner?: string;
}

export interface Catalogue {
  dataElements: readonly DataElementDefinition[];
  indicators: readonly IndicatorDefinition[];
}

export const DEFAULT_CATALOGUE_FILE = path.join(repoRoot, "prisma", "seed", "catalogue.json");

/** The catalogue every database is loaded with, read once from the shipped file (checked when loaded). */
export const DEFAULT_CATALOGUE: Catalogue = (() => {
  const file = JSON.parse(fs.readFileSync(DEFAULT_CATALOGUE_FILE, "utf8")) as Catalogue;
  return { dataElements: file.dataElements, indicators: file.indicators };
})();
