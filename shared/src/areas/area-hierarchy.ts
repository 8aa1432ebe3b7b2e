// Read-only access to the area hierarchy for subgraphs that do not own it: where an area sits
// (level and ancestors) and which communes lie beneath it. It reads only the ancestor columns of
// indicators.area, the one read across a schema boundary sanctioned in docs/decisions/0005, kept
// here so a later split can swap it for a replicated copy of the hierarchy.
import type { Database } from "../database/client";
import type { AreaLevelName } from "./levels";
import { NATION_CODE } from "./levels";

export interface AreaPlacement {
  code: string;
  level: AreaLevelName;
  parentCode: string | null;
  provinceCode: string | null;
  districtCode: string | null;
}

/** The area itself and its ancestors (nation last): a commune gives [commune, district, province, VN]. */
export function selfAndAncestors(area: AreaPlacement): string[] {
  const codes = [area.code, area.districtCode, area.provinceCode];
  if (area.level === "DISTRICT" || area.level === "COMMUNE") codes.push(area.parentCode);
  return [...new Set([...codes.filter((code): code is string => code !== null), NATION_CODE])];
}

/** SQL condition: the row is the area $1 or lies beneath it (every area for the nation). */
const AT_OR_BENEATH_$1 = `($1::text = '${NATION_CODE}' OR code = $1 OR parent_code = $1 OR province_code = $1 OR district_code = $1)`;

export class AreaHierarchy {
  constructor(private readonly db: Database) {}

  /** Where each known area sits; unknown codes are absent from the map. One statement. */
  async placements(codes: readonly string[]): Promise<Map<string, AreaPlacement>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db.prisma.$queryRawUnsafe<
      { code: string; level: AreaLevelName; parent_code: string | null; province_code: string | null; district_code: string | null }[]
    >(
      `SELECT code, level::text AS level, parent_code, province_code, district_code FROM indicators.area WHERE code = ANY($1::text[])`,
      [...new Set(codes)],
    );
    return new Map(
      rows.map((row) => [
        row.code,
        { code: row.code, level: row.level, parentCode: row.parent_code, provinceCode: row.province_code, districtCode: row.district_code },
      ]),
    );
  }

  /**
   * The area `parentCode` and every area beneath it, optionally only those at `level`, in code order.
   * Null when `parentCode` is not a known area.
   */
  async areasWithin(parentCode: string, level?: AreaLevelName): Promise<{ code: string; level: AreaLevelName }[] | null> {
    if (!(await this.placements([parentCode])).has(parentCode)) return null;
    return this.db.prisma.$queryRawUnsafe<{ code: string; level: AreaLevelName }[]>(
      `SELECT code, level::text AS level FROM indicators.area
        WHERE ${AT_OR_BENEATH_$1}
          AND ($2::text IS NULL OR level::text = $2::text)
        ORDER BY code`,
      parentCode,
      level ?? null,
    );
  }

  /** The communes at or beneath an area, in code order (all communes for the nation). */
  async communesWithin(code: string): Promise<string[]> {
    const rows = await this.db.prisma.$queryRawUnsafe<{ code: string }[]>(
      `SELECT code FROM indicators.area
        WHERE level = 'COMMUNE'
          AND ${AT_OR_BENEATH_$1}
        ORDER BY code`,
      code,
    );
    return rows.map((row) => row.code);
  }
}
