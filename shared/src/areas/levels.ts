// The administrative hierarchy: nation > province > district > commune.
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
