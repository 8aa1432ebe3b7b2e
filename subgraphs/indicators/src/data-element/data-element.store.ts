// Data access for data elements (the catalogue's reported figures).
import type { Database, DataElementRecord } from "@vnge/shared";

export class DataElementStore {
  constructor(private readonly db: Database) {}

  findAll(includeRetired = false): Promise<DataElementRecord[]> {
    return this.db.prisma.dataElement.findMany({ where: includeRetired ? {} : { retiredAt: null }, orderBy: { code: "asc" } });
  }

  findByCodes(codes: readonly string[]): Promise<DataElementRecord[]> {
    return this.db.prisma.dataElement.findMany({ where: { code: { in: [...codes] } } });
  }
}
