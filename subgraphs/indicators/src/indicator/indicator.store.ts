// Data access for indicators.
import type { Database, IndicatorRecord } from "@vnge/shared";

export class IndicatorStore {
  constructor(private readonly db: Database) {}

  findAll(): Promise<IndicatorRecord[]> {
    return this.db.prisma.indicator.findMany({ orderBy: { code: "asc" } });
  }

  findByCodes(codes: readonly string[]): Promise<IndicatorRecord[]> {
    return this.db.prisma.indicator.findMany({ where: { code: { in: [...codes] } } });
  }
}
