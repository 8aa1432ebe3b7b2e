// Data access for areas: the only module that reads the area table.
import type { AreaLevel, AreaRecord, Database } from "@vnge/shared";

export class AreaStore {
  constructor(private readonly db: Database) {}

  findByCodes(codes: readonly string[]): Promise<AreaRecord[]> {
    return this.db.prisma.area.findMany({ where: { code: { in: [...codes] } } });
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
