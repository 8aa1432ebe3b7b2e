// Data access for agencies and the agencies responsible for targets: the only module that reads and writes them.
import type { AgencyRecord, AgencyRole, Database } from "@vnge/shared";
import type { Agency } from "./agency.type";

export type NewAgency = Omit<AgencyRecord, "createdAt">;

/** Who is responsible for one target. */
export interface Responsibility {
  targetId: string;
  agencyCode: string;
  role: AgencyRole;
}

export function toAgency(record: AgencyRecord): Agency {
  return {
    code: record.code,
    name: record.name,
    nameVi: record.nameVi,
    kind: record.kind,
    level: record.level as Agency["level"],
    aliases: record.aliases,
    areaCode: record.areaCode,
    area: { code: record.areaCode, hierarchy: record.hierarchy },
  };
}

const ORDER = [{ areaCode: "asc" as const }, { code: "asc" as const }];

export class AgencyStore {
  constructor(private readonly db: Pick<Database, "prisma">) {}

  findByCodes(codes: readonly string[]): Promise<AgencyRecord[]> {
    return this.db.prisma.agency.findMany({ where: { code: { in: [...codes] } } });
  }

  /** The agencies of these areas of one version. */
  findAtAreas(hierarchy: string, areaCodes: readonly string[]): Promise<AgencyRecord[]> {
    return this.db.prisma.agency.findMany({ where: { hierarchy, areaCode: { in: [...areaCodes] } }, orderBy: ORDER });
  }

  findByArea(areaCode: string): Promise<AgencyRecord[]> {
    return this.db.prisma.agency.findMany({ where: { areaCode }, orderBy: ORDER });
  }

  /** Writes the agencies (a code already taken is updated), in one transaction. */
  upsert(agencies: readonly NewAgency[]): Promise<AgencyRecord[]> {
    return this.db.prisma.$transaction(async (tx) => {
      const written: AgencyRecord[] = [];
      for (const agency of agencies) {
        written.push(await tx.agency.upsert({ where: { code: agency.code }, create: agency, update: agency }));
      }
      return written;
    });
  }

  /** Writes new agencies through `writer` (a transaction's client). */
  static async insert(writer: Pick<Database["prisma"], "agency">, agencies: readonly NewAgency[]): Promise<void> {
    if (agencies.length > 0) await writer.agency.createMany({ data: [...agencies] });
  }

  responsibilities(targetIds: readonly string[]): Promise<Responsibility[]> {
    return this.db.prisma.targetAgency.findMany({ where: { targetId: { in: [...targetIds] } }, orderBy: [{ role: "asc" }, { agencyCode: "asc" }] });
  }

  /** The targets each agency leads or supports. */
  targetsOf(agencyCodes: readonly string[]): Promise<Responsibility[]> {
    return this.db.prisma.targetAgency.findMany({ where: { agencyCode: { in: [...agencyCodes] } }, orderBy: [{ targetId: "asc" }] });
  }
}
