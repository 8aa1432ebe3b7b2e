// Data access for managing the catalogue: definitions, whether they hold data, and the audit of every change.
import type { AreaLevel, Database, DataElementRecord, IndicatorRecord } from "@vnge/shared";

export type CatalogueKind = "DATA_ELEMENT" | "INDICATOR" | "DATA_SET";
export type CatalogueAction = "CREATE" | "UPDATE" | "RETIRE";

export interface CatalogueChangeRow {
  id: bigint;
  kind: string;
  code: string;
  action: string;
  changedBy: string;
  changedAt: Date;
  before: unknown;
  after: unknown;
}

export type DataElementData = Omit<DataElementRecord, "code" | "owner" | "retiredAt">;
export type IndicatorData = Omit<IndicatorRecord, "code" | "owner" | "retiredAt">;

/** A definition as the audit keeps it: plain JSON (dates as ISO text). */
const snapshot = (record: object | null) => (record === null ? null : (JSON.parse(JSON.stringify(record)) as object));

export class CatalogueStore {
  constructor(private readonly db: Database) {}

  findElements(codes: readonly string[]): Promise<DataElementRecord[]> {
    return this.db.prisma.dataElement.findMany({ where: { code: { in: [...codes] } } });
  }

  findIndicator(code: string): Promise<IndicatorRecord | null> {
    return this.db.prisma.indicator.findUnique({ where: { code } });
  }

  /** Active indicators whose formula uses the element. */
  async indicatorsUsing(elementCode: string): Promise<string[]> {
    const rows = await this.db.prisma.indicator.findMany({
      where: { retiredAt: null, OR: [{ numeratorElementCode: elementCode }, { denominatorElementCode: elementCode }] },
      select: { code: true },
      orderBy: { code: "asc" },
    });
    return rows.map((row) => row.code);
  }

  /** The level of the area in each hierarchy version that holds it. */
  async areaLevels(code: string): Promise<{ hierarchy: string; level: AreaLevel }[]> {
    return this.db.query<{ hierarchy: string; level: AreaLevel }>(`SELECT hierarchy, level FROM indicators.area WHERE code = $1 ORDER BY hierarchy`, [code]);
  }

  /** The elements among `codes` that hold at least one stored value. */
  async elementsWithValues(codes: readonly string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    const rows = await this.db.query<{ code: string }>(
      `SELECT e.code FROM indicators.data_element e
        WHERE e.code = ANY($1::text[]) AND EXISTS (SELECT 1 FROM indicators.data_value v WHERE v.data_element_code = e.code)
        ORDER BY e.code`,
      [[...new Set(codes)]],
    );
    return rows.map((row) => row.code);
  }

  /** Targets naming the indicator: a narrow read of the plans schema (decision 0085). */
  async targetCount(indicatorCode: string): Promise<number> {
    const [row] = await this.db.query<{ count: number }>(`SELECT count(*)::int AS count FROM plans.target WHERE indicator_code = $1`, [indicatorCode]);
    return row?.count ?? 0;
  }

  async createElement(record: DataElementRecord, changedBy: string): Promise<DataElementRecord> {
    return this.db.prisma.$transaction(async (tx) => {
      const created = await tx.dataElement.create({ data: record });
      await tx.catalogueChange.create({ data: { kind: "DATA_ELEMENT", code: record.code, action: "CREATE", changedBy, after: snapshot(created)! } });
      return created;
    });
  }

  async updateElement(before: DataElementRecord, data: Partial<DataElementRecord>, action: CatalogueAction, changedBy: string): Promise<DataElementRecord> {
    return this.db.prisma.$transaction(async (tx) => {
      const after = await tx.dataElement.update({ where: { code: before.code }, data });
      await tx.catalogueChange.create({
        data: { kind: "DATA_ELEMENT", code: before.code, action, changedBy, before: snapshot(before)!, after: snapshot(after)! },
      });
      return after;
    });
  }

  async createIndicator(record: IndicatorRecord, changedBy: string): Promise<IndicatorRecord> {
    return this.db.prisma.$transaction(async (tx) => {
      const created = await tx.indicator.create({ data: record });
      await tx.catalogueChange.create({ data: { kind: "INDICATOR", code: record.code, action: "CREATE", changedBy, after: snapshot(created)! } });
      return created;
    });
  }

  async updateIndicator(before: IndicatorRecord, data: Partial<IndicatorRecord>, action: CatalogueAction, changedBy: string): Promise<IndicatorRecord> {
    return this.db.prisma.$transaction(async (tx) => {
      const after = await tx.indicator.update({ where: { code: before.code }, data });
      await tx.catalogueChange.create({
        data: { kind: "INDICATOR", code: before.code, action, changedBy, before: snapshot(before)!, after: snapshot(after)! },
      });
      return after;
    });
  }

  /** The newest changes first, optionally of one code. */
  changes(code: string | undefined, limit: number): Promise<CatalogueChangeRow[]> {
    return this.db.prisma.catalogueChange.findMany({ where: code ? { code } : {}, orderBy: [{ changedAt: "desc" }, { id: "desc" }], take: limit });
  }
}
