// Data access for support facilities: the only module that reads their table.
import { type Database, type SupportFacilityRecord, isUuid } from "@vnge/shared";
import type { SupportFacility } from "./support-facility.type";

function toSupportFacility(record: SupportFacilityRecord): SupportFacility {
  return { ...record, area: { code: record.areaCode } };
}

export class SupportFacilityStore {
  constructor(private readonly db: Database) {}

  async findByIds(ids: readonly string[]): Promise<SupportFacility[]> {
    const uuids = ids.filter(isUuid);
    if (uuids.length === 0) return [];
    return (await this.db.prisma.supportFacility.findMany({ where: { id: { in: uuids } } })).map(toSupportFacility);
  }

  async findByAreas(areaCodes: readonly string[]): Promise<SupportFacility[]> {
    const records = await this.db.prisma.supportFacility.findMany({
      where: { areaCode: { in: [...areaCodes] } },
      orderBy: [{ kind: "asc" }, { name: "asc" }],
    });
    return records.map(toSupportFacility);
  }
}
