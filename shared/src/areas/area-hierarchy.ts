// Read-only access to the area hierarchy for subgraphs that do not own it: where an area sits
// (level and ancestors) and which communes lie beneath it. It reads only the ancestor columns of
// indicators.area, the one read across a schema boundary sanctioned in docs/decisions/0005, kept
// here so a later split can swap it for a replicated copy of the hierarchy. Codes are read within one
// hierarchy version: the one named, or the version in force today when none is.
import type { Database } from "../database/client";
import type { HierarchyTimeline } from "./hierarchy-timeline";
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

/** SQL expression: the named version ($n), or the one in force today when $n is null. */
export const hierarchyOrCurrent = (param: string) =>
  `coalesce(${param}::text, (SELECT h.code FROM indicators.hierarchy h WHERE h.valid_from IS NULL OR h.valid_from <= current_date
                              ORDER BY h.valid_from DESC NULLS LAST LIMIT 1))`;

/** SQL condition: the row is the area $1 or lies beneath it (every area for the nation). */
const AT_OR_BENEATH_$1 = `($1::text = '${NATION_CODE}' OR code = $1 OR parent_code = $1 OR province_code = $1 OR district_code = $1)`;

/** Made by an AreaDirectory, whose versions it reads its dated questions in. */
export class AreaHierarchy {
  constructor(
    private readonly db: Database,
    /** The hierarchy versions of the directory (read once per request). */
    readonly timeline: () => Promise<HierarchyTimeline>,
  ) {}

  /** The version a dated question (a period) reads its areas in. */
  async versionForPeriod(period: string): Promise<string> {
    return (await this.timeline()).forPeriod(period).code;
  }

  /** The version in force on a day (YYYY-MM-DD). */
  async versionOn(day: string): Promise<string> {
    return (await this.timeline()).on(day).code;
  }

  /** Where each known area of the version sits; unknown codes are absent from the map. One statement. */
  async placements(codes: readonly string[], hierarchy?: string): Promise<Map<string, AreaPlacement>> {
    if (codes.length === 0) return new Map();
    // On the driver: scope checks of a batch of values ask for thousands of codes at once.
    const rows = await this.db.query<{
      code: string;
      level: AreaLevelName;
      parent_code: string | null;
      province_code: string | null;
      district_code: string | null;
    }>(
      `SELECT code, level::text AS level, parent_code, province_code, district_code FROM indicators.area
        WHERE code = ANY($1::text[]) AND hierarchy = ${hierarchyOrCurrent("$2")}`,
      [[...new Set(codes)], hierarchy ?? null],
    );
    return new Map(
      rows.map((row) => [
        row.code,
        { code: row.code, level: row.level, parentCode: row.parent_code, provinceCode: row.province_code, districtCode: row.district_code },
      ]),
    );
  }

  /** The versions each code is an area of (any level); unknown codes are absent. One statement. */
  async versionsOf(codes: readonly string[]): Promise<Map<string, string[]>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db.query<{ code: string; hierarchy: string }>(
      `SELECT code, hierarchy FROM indicators.area WHERE code = ANY($1::text[]) ORDER BY code, hierarchy`,
      [[...new Set(codes)]],
    );
    const result = new Map<string, string[]>();
    for (const row of rows) result.set(row.code, [...(result.get(row.code) ?? []), row.hierarchy]);
    return result;
  }

  /**
   * The area `parentCode` and every area beneath it, optionally only those at `level`, in code order.
   * Null when `parentCode` is not a known area.
   */
  async areasWithin(parentCode: string, level?: AreaLevelName, hierarchy?: string): Promise<{ code: string; level: AreaLevelName }[] | null> {
    if (!(await this.placements([parentCode], hierarchy)).has(parentCode)) return null;
    return this.db.query<{ code: string; level: AreaLevelName }>(
      `SELECT code, level::text AS level FROM indicators.area
        WHERE ${AT_OR_BENEATH_$1}
          AND ($2::text IS NULL OR level::text = $2::text)
          AND hierarchy = ${hierarchyOrCurrent("$3")}
        ORDER BY code`,
      [parentCode, level ?? null, hierarchy ?? null],
    );
  }

  /** The communes at or beneath an area, in code order (all communes for the nation). */
  async communesWithin(code: string, hierarchy?: string): Promise<string[]> {
    const rows = await this.db.query<{ code: string }>(
      `SELECT code FROM indicators.area
        WHERE level = 'COMMUNE'
          AND ${AT_OR_BENEATH_$1}
          AND hierarchy = ${hierarchyOrCurrent("$2")}
        ORDER BY code`,
      [code, hierarchy ?? null],
    );
    return rows.map((row) => row.code);
  }
}
