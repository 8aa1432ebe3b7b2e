// The administrative hierarchy: nation > province > district > commune before the 2025 reform, nation >
// province > commune from 1 July 2025 (a version without districts). No rule may assume the district level.
export const AREA_LEVELS = ["NATION", "PROVINCE", "DISTRICT", "COMMUNE"] as const;
export type AreaLevelName = (typeof AREA_LEVELS)[number];

export const NATION_CODE = "VN";

/** GSO codes have a fixed number of digits per level; leading zeros are part of the code. */
export const CODE_DIGITS: Record<Exclude<AreaLevelName, "NATION">, number> = {
  PROVINCE: 2,
  DISTRICT: 3,
  COMMUNE: 5,
};

export function levelDepth(level: AreaLevelName): number {
  return AREA_LEVELS.indexOf(level);
}

/** The levels a version uses, as far as the rules need to know: whether communes sit below districts. */
export interface VersionLevels {
  /** False for a version whose communes lie directly beneath their provinces (2025-07); true when unknown. */
  hasDistricts?: boolean;
}

/**
 * The level a data element (or data set) collected at `level` is collected at in a version
 * (docs/decisions/0098-collection-without-districts.md): the same level, except that a DISTRICT element is
 * collected in a version without districts at its own rule (`withoutDistricts`, PROVINCE or COMMUNE),
 * PROVINCE when it has none.
 */
export function collectionLevelIn(level: AreaLevelName, withoutDistricts: AreaLevelName | null | undefined, version: VersionLevels | undefined): AreaLevelName {
  if (level !== "DISTRICT" || version?.hasDistricts !== false) return level;
  return withoutDistricts === "COMMUNE" ? "COMMUNE" : "PROVINCE";
}

/** True when `code` has the shape of a GSO code at `level` (or is the nation's code). */
export function isValidCode(code: string, level: AreaLevelName): boolean {
  if (level === "NATION") return code === NATION_CODE;
  return new RegExp(`^\\d{${CODE_DIGITS[level]}}$`).test(code);
}

/** One area as imported into a hierarchy version: the shape the area tables hold. */
export interface AreaRow {
  code: string;
  level: AreaLevelName;
  name: string;
  nameEn: string;
  fullName: string;
  fullNameEn: string;
  parentCode: string | null;
  provinceCode: string | null;
  districtCode: string | null;
}
