// Data access for areas: the only module that reads the area table. Every read names the hierarchy
// version its codes belong to (codes repeat across versions).
import type { AreaLevel, AreaRecord, Database, Page } from "@vnge/shared";

/** One area of one version, as a string key for loaders and maps. */
export const areaKey = (hierarchy: string, code: string) => `${hierarchy}\u0000${code}`;

export const splitAreaKey = (key: string): { hierarchy: string; code: string } => {
  const [hierarchy, code] = key.split("\u0000");
  return { hierarchy, code };
};

export interface AreaMappingRow {
  fromHierarchy: string;
  fromCode: string;
  toHierarchy: string;
  toCode: string;
  kind: "FULL" | "PARTIAL";
}

function groupByVersion(keys: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const key of keys) {
    const { hierarchy, code } = splitAreaKey(key);
    groups.set(hierarchy, [...(groups.get(hierarchy) ?? []), code]);
  }
  return groups;
}

/**
 * An area row as the typed client returns it. The read path's lookups run as SQL on the driver: the typed client
 * compiles every call anew, which cost more CPU than the statements (docs/decisions/0116-read-path-cpu.md).
 */
const AREA_COLUMNS = `hierarchy AS "hierarchyCode", code, level::text AS level, name, name_en AS "nameEn", full_name AS "fullName",
  full_name_en AS "fullNameEn", parent_code AS "parentCode", province_code AS "provinceCode", district_code AS "districtCode"`;

export class AreaStore {
  constructor(private readonly db: Database) {}

  findByCodes(codes: readonly string[], hierarchy: string): Promise<AreaRecord[]> {
    return this.db.query<AreaRecord>(`SELECT ${AREA_COLUMNS} FROM indicators.area WHERE hierarchy = $1 AND code = ANY($2::text[])`, [hierarchy, [...codes]]);
  }

  /** Areas by areaKey, any mix of versions: one statement per version. */
  async findByKeys(keys: readonly string[]): Promise<AreaRecord[]> {
    const groups = [...groupByVersion(keys)];
    return (await Promise.all(groups.map(([hierarchy, codes]) => this.findByCodes(codes, hierarchy)))).flat();
  }

  /** Level of each existing code of a version, for checking large batches (one array parameter, any number of codes). */
  async findLevels(codes: readonly string[], hierarchy: string): Promise<Map<string, AreaLevel>> {
    if (codes.length === 0) return new Map();
    // On the driver: a batch of values asks for thousands of codes at once.
    const rows = await this.db.query<{ code: string; level: AreaLevel }>(
      `SELECT code, level::text AS level FROM indicators.area WHERE hierarchy = $2 AND code = ANY($1::text[])`,
      [[...codes], hierarchy],
    );
    return new Map(rows.map((row) => [row.code, row.level]));
  }

  /** Children of the areas given by areaKey, ordered by code. */
  async findChildrenOf(parentKeys: readonly string[]): Promise<AreaRecord[]> {
    const groups = [...groupByVersion(parentKeys)];
    const found = await Promise.all(
      groups.map(([hierarchy, codes]) =>
        this.db.query<AreaRecord>(`SELECT ${AREA_COLUMNS} FROM indicators.area WHERE hierarchy = $1 AND parent_code = ANY($2::text[]) ORDER BY code`, [
          hierarchy,
          codes,
        ]),
      ),
    );
    return found.flat();
  }

  /** Ordered by code; a page starts after its cursor's code. */
  findByLevel(level: AreaLevel, withinCode: string | undefined, hierarchy: string, page: Page = {}): Promise<AreaRecord[]> {
    const params: unknown[] = [hierarchy, level];
    const where = ["hierarchy = $1", `level = $2::text::indicators."AreaLevel"`];
    if (withinCode) where.push(`$${params.push(withinCode)} IN (parent_code, province_code, district_code)`);
    if (page.after) where.push(`code > $${params.push(page.after)}`);
    const limit = page.first ? ` LIMIT $${params.push(page.first)}` : "";
    return this.db.query<AreaRecord>(`SELECT ${AREA_COLUMNS} FROM indicators.area WHERE ${where.join(" AND ")} ORDER BY code${limit}`, params);
  }

  /** The published mapping edges from (`direction` "from") or into ("to") each area given by areaKey. */
  async mappings(keys: readonly string[], direction: "from" | "to"): Promise<AreaMappingRow[]> {
    const groups = [...groupByVersion(keys)];
    const found = await Promise.all(
      groups.map(([hierarchy, codes]) =>
        this.db.prisma.areaMapping.findMany({
          where: direction === "from" ? { fromHierarchy: hierarchy, fromCode: { in: codes } } : { toHierarchy: hierarchy, toCode: { in: codes } },
          orderBy: [{ fromCode: "asc" }, { toCode: "asc" }],
        }),
      ),
    );
    return found.flat();
  }
}
