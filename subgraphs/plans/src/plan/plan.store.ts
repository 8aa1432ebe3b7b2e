// Data access for plans: the only module that reads the plan table.
import { areaInPeriod, type Database, type PlanRecord, isUuid } from "@vnge/shared";
import type { Plan } from "./plan.type";

export function toPlan(record: PlanRecord): Plan {
  return {
    ...record,
    documentDate: record.documentDate ? record.documentDate.toISOString().slice(0, 10) : null,
    // A plan's area is one of the version in force in its first year.
    area: areaInPeriod(record.areaCode, String(record.startYear)),
  };
}

export class PlanStore {
  constructor(private readonly db: Database) {}

  async findByIds(ids: readonly string[]): Promise<Plan[]> {
    const uuids = ids.filter(isUuid);
    if (uuids.length === 0) return [];
    return (await this.db.prisma.plan.findMany({ where: { id: { in: uuids } } })).map(toPlan);
  }

  findRecord(id: string): Promise<PlanRecord | null> {
    return isUuid(id) ? this.db.prisma.plan.findUnique({ where: { id } }) : Promise.resolve(null);
  }

  async findByAreas(areaCodes: readonly string[]): Promise<Plan[]> {
    const records = await this.db.prisma.plan.findMany({
      where: { areaCode: { in: [...areaCodes] } },
      orderBy: [{ startYear: "desc" }, { title: "asc" }],
    });
    return records.map(toPlan);
  }
}
