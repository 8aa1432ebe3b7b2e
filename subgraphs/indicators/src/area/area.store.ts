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

export class AreaStore {
  constructor(private readonly db: Database) {}

  findByCodes(codes: readonly string[], hierarchy: string): Promise<AreaRecord[]> {
    return this.db.prisma.area.findMany({ where: { hierarchyCode: hierarchy, code: { in: [...codes] } } });
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
        this.db.prisma.area.findMany({ where: { hierarchyCode: hierarchy, parentCode: { in: codes } }, orderBy: { code: "asc" } }),
      ),
    );
    return found.flat();
  }

  /** Ordered by code; a page starts after its cursor's code. */
  findByLevel(level: AreaLevel, withinCode: string | undefined, hierarchy: string, page: Page = {}): Promise<AreaRecord[]> {
    const within = withinCode ? { OR: [{ parentCode: withinCode }, { provinceCode: withinCode }, { districtCode: withinCode }] } : {};
    const after = page.after ? { code: { gt: page.after } } : {};
    return this.db.prisma.area.findMany({
      where: { hierarchyCode: hierarchy, level, ...within, ...after },
      orderBy: { code: "asc" },
      ...(page.first ? { take: page.first } : {}),
    });
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
