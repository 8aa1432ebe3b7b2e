// The data sets: the groups of data elements areas report, approve and lock together, with the day each
// level must have reported by (as data, so an office can change them without a release).
import fs from "node:fs";
import type { AreaLevel } from "@vnge/shared";
import { DEFAULT_CATALOGUE_FILE } from "../catalogue/catalogue-definition";

export interface DeadlineDefinition {
  level: AreaLevel;
  /** Month (1-12) and day of the period's year (+ yearOffset) by which the level must have reported. */
  month: number;
  day: number;
  yearOffset?: number;
}

export interface DataSetDefinition {
  code: string;
  name: string;
  nameVi: string;
  collectionLevel: AreaLevel;
  /** For a DISTRICT set: the level reporting it in a version without districts, its elements' (PROVINCE when absent; decision 0098). */
  collectionLevelWithoutDistricts?: AreaLevel | null;
  elements: readonly string[];
  deadlines: readonly DeadlineDefinition[];
  /** VN (the default) for a national data set; otherwise the area owning a local one. */
  owner?: string;
}

/** The default data sets, read from the shipped catalogue file (prisma/seed/catalogue.json). */
export const DATA_SETS: readonly DataSetDefinition[] = (JSON.parse(fs.readFileSync(DEFAULT_CATALOGUE_FILE, "utf8")) as { dataSets: DataSetDefinition[] })
  .dataSets;
