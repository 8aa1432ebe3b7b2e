// Data access for indicators.
import type { Database, IndicatorRecord } from "@vnge/shared";

export class IndicatorStore {
  constructor(private readonly db: Database) {}

  findAll(includeRetired = false): Promise<IndicatorRecord[]> {
    return this.db.prisma.indicator.findMany({ where: includeRetired ? {} : { retiredAt: null }, orderBy: { code: "asc" } });
  }

  findByCodes(codes: readonly string[]): Promise<IndicatorRecord[]> {
    return this.db.prisma.indicator.findMany({ where: { code: { in: [...codes] } } });
  }
}
