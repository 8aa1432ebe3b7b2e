// Data access for the agencies that report data elements in an area: the only module that reads and writes
// data_element_reporter. Agencies themselves belong to the plans subgraph; the one read of them here (where an
// agency sits) is sanctioned like the area directory's (docs/decisions/0106-agency-data-entry.md).
import type { Database } from "@vnge/shared";

export interface ReporterRow {
  hierarchy: string;
  areaCode: string;
  dataElementCode: string;
  agencyCode: string;
}

export interface AgencyPlace {
  code: string;
  hierarchy: string;
  areaCode: string;
}

export class ReportingAgencyStore {
  constructor(private readonly db: Database) {}

  /** The agency's area and its version; null when there is no such agency. */
  async agencyPlace(agencyCode: string): Promise<AgencyPlace | null> {
    const [row] = await this.db.query<{ code: string; hierarchy: string; area_code: string }>(
      "SELECT code, hierarchy, area_code FROM plans.agency WHERE code = $1",
      [agencyCode],
    );
    return row ? { code: row.code, hierarchy: row.hierarchy, areaCode: row.area_code } : null;
  }

  async findByAgency(agencyCode: string): Promise<ReporterRow[]> {
    return this.db.prisma.dataElementReporter.findMany({
      where: { agencyCode },
      select: { hierarchy: true, areaCode: true, dataElementCode: true, agencyCode: true },
      orderBy: [{ areaCode: "asc" }, { dataElementCode: "asc" }],
    });
  }

  async findByElements(dataElementCodes: readonly string[]): Promise<ReporterRow[]> {
    return this.db.prisma.dataElementReporter.findMany({
      where: { dataElementCode: { in: [...dataElementCodes] } },
      select: { hierarchy: true, areaCode: true, dataElementCode: true, agencyCode: true },
      orderBy: [{ areaCode: "asc" }, { agencyCode: "asc" }],
    });
  }

  /** Makes the agency the reporter of these elements in its area (replacing another one), in one transaction. */
  assign(place: AgencyPlace, dataElementCodes: readonly string[], assignedBy: string): Promise<ReporterRow[]> {
    return this.db.prisma.$transaction(async (tx) => {
      const rows: ReporterRow[] = [];
      for (const dataElementCode of dataElementCodes) {
        const key = { hierarchy: place.hierarchy, areaCode: place.areaCode, dataElementCode };
        const data = { ...key, agencyCode: place.code, assignedBy };
        rows.push(
          await tx.dataElementReporter.upsert({
            where: { hierarchy_areaCode_dataElementCode: key },
            create: data,
            update: data,
            select: { hierarchy: true, areaCode: true, dataElementCode: true, agencyCode: true },
          }),
        );
      }
      return rows;
    });
  }
}
