// Data access for areas: the only module that reads the area table.
import type { AreaLevel, AreaRecord, Database } from "@vnge/shared";

export class AreaStore {
  constructor(private readonly db: Database) {}

  findByCodes(codes: readonly string[]): Promise<AreaRecord[]> {
    return this.db.prisma.area.findMany({ where: { code: { in: [...codes] } } });
  }

  /** Level of each existing code, for checking large batches (one array parameter, any number of codes). */
  async findLevels(codes: readonly string[]): Promise<Map<string, AreaLevel>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db.prisma.$queryRawUnsafe<{ code: string; level: AreaLevel }[]>(
      `SELECT code, level::text AS level FROM indicators.area WHERE code = ANY($1::text[])`,
      [...codes],
    );
    return new Map(rows.map((row) => [row.code, row.level]));
  }

  findChildrenOf(parentCodes: readonly string[]): Promise<AreaRecord[]> {
    return this.db.prisma.area.findMany({
      where: { parentCode: { in: [...parentCodes] } },
      orderBy: { code: "asc" },
    });
  }

  findByLevel(level: AreaLevel, withinCode?: string): Promise<AreaRecord[]> {
    const within = withinCode
      ? { OR: [{ parentCode: withinCode }, { provinceCode: withinCode }, { districtCode: withinCode }] }
      : {};
    return this.db.prisma.area.findMany({ where: { level, ...within }, orderBy: { code: "asc" } });
  }
}
