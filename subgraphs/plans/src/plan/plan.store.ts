// Data access for plans: the only module that reads and writes the plan table (the demo seed aside).
import { areaInPeriod, type Database, type PlanRecord, isUuid } from "@vnge/shared";
import { DeadlineStore, type NewDeadline } from "../deadline/deadline.store";
import { type NewTarget, TargetStore } from "../target/target.store";
import type { Plan } from "./plan.type";

export type NewPlan = Omit<PlanRecord, "id" | "createdAt" | "parentPlanId"> & { parentPlanId?: string | null };

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

  /** The area's plan with this document number, if any. */
  findByNumber(areaCode: string, documentNumber: string): Promise<PlanRecord | null> {
    return this.db.prisma.plan.findUnique({ where: { areaCode_documentNumber: { areaCode, documentNumber } } });
  }

  create(plan: NewPlan): Promise<PlanRecord> {
    return this.db.prisma.plan.create({ data: plan });
  }

  /** Writes the plan, its targets and its deadlines in one transaction. */
  createWithTargets(plan: NewPlan, targets: readonly Omit<NewTarget, "planId">[], deadlines: readonly Omit<NewDeadline, "planId">[]): Promise<PlanRecord> {
    return this.db.prisma.$transaction(async (tx) => {
      const created = await tx.plan.create({ data: plan });
      await TargetStore.insert(
        tx,
        targets.map((target) => ({ ...target, planId: created.id })),
      );
      await DeadlineStore.insert(
        tx,
        deadlines.map((deadline) => ({ ...deadline, planId: created.id })),
      );
      return created;
    });
  }

  /** Records the plan a plan implements (null: none). */
  async setParent(id: string, parentPlanId: string | null): Promise<PlanRecord> {
    return this.db.prisma.plan.update({ where: { id }, data: { parentPlanId } });
  }

  /** The plans implementing each of these plans. */
  async findChildren(parentIds: readonly string[]): Promise<Plan[]> {
    const uuids = parentIds.filter(isUuid);
    if (uuids.length === 0) return [];
    const records = await this.db.prisma.plan.findMany({ where: { parentPlanId: { in: uuids } }, orderBy: [{ startYear: "asc" }, { areaCode: "asc" }] });
    return records.map(toPlan);
  }

  async findByAreas(areaCodes: readonly string[]): Promise<Plan[]> {
    const records = await this.db.prisma.plan.findMany({
      where: { areaCode: { in: [...areaCodes] } },
      orderBy: [{ startYear: "desc" }, { title: "asc" }],
    });
    return records.map(toPlan);
  }
}
