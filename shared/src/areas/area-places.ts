// Where areas sit in the hierarchy, for subgraphs that own raw records by area (cases) and must
// check an area's level or roll their records up. The hierarchy is reference data owned by the
// indicators subgraph; this reads only its ancestor columns, the one sanctioned read across a
// schema boundary (docs/decisions/0005-access-control.md), kept here so a split can replace it.
import type { Database } from "../database/client";
import { type AreaLevelName, NATION_CODE } from "./levels";

export interface AreaPlace {
  code: string;
  level: AreaLevelName;
  parentCode: string | null;
  provinceCode: string | null;
  districtCode: string | null;
}

/** The places of the given codes that exist (unknown codes are absent from the map); one query. */
export async function findAreaPlaces(db: Database, codes: readonly string[]): Promise<Map<string, AreaPlace>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db.prisma.$queryRawUnsafe<AreaPlace[]>(
    `SELECT code, level::text AS level, parent_code AS "parentCode", province_code AS "provinceCode", district_code AS "districtCode"
       FROM indicators.area WHERE code = ANY($1::text[])`,
    unique,
  );
  return new Map(rows.map((row) => [row.code, row]));
}

/** The area itself and every ancestor up to the nation, nearest first. */
export function selfAndAncestors(place: AreaPlace): string[] {
  const chain = [place.code];
  if (place.districtCode && place.districtCode !== place.code) chain.push(place.districtCode);
  if (place.provinceCode && place.provinceCode !== place.code) chain.push(place.provinceCode);
  if (place.code !== NATION_CODE) chain.push(NATION_CODE);
  return chain;
}

/** Codes of the communes that are `code` or lie beneath it (every commune for the nation). */
export async function communesBeneath(db: Database, code: string): Promise<string[]> {
  const rows = await db.prisma.$queryRawUnsafe<{ code: string }[]>(
    `SELECT code FROM indicators.area
      WHERE level = 'COMMUNE' AND ($1 = '${NATION_CODE}' OR code = $1 OR parent_code = $1 OR district_code = $1 OR province_code = $1)`,
    code,
  );
  return rows.map((row) => row.code);
}
