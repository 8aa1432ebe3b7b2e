// Data access for the catalogue file: every stored definition at once, and a whole file's changes in one
// transaction with their audit rows.
import type { Database, DataElementRecord, IndicatorRecord } from "@vnge/shared";
import type { CatalogueAction, CatalogueKind } from "./catalogue.store";

export interface StoredDataSet {
  code: string;
  name: string;
  nameVi: string;
  collectionLevel: DataElementRecord["collectionLevel"];
  /** For a DISTRICT set: the level reporting it in a version without districts (null: PROVINCE; decision 0098). */
  collectionLevelWithoutDistricts: DataElementRecord["collectionLevel"] | null;
  owner: string;
  retiredAt: Date | null;
  elements: string[];
  deadlines: { level: DataElementRecord["collectionLevel"]; month: number; day: number; yearOffset: number }[];
}

export interface StoredCatalogue {
  dataElements: DataElementRecord[];
  indicators: IndicatorRecord[];
  dataSets: StoredDataSet[];
}

/** One definition to write: the record as it must be stored, and what it was (null when new). */
export type CatalogueWrite =
  | { kind: "DATA_ELEMENT"; action: CatalogueAction; before: DataElementRecord | null; after: DataElementRecord }
  | { kind: "INDICATOR"; action: CatalogueAction; before: IndicatorRecord | null; after: IndicatorRecord }
  | { kind: "DATA_SET"; action: CatalogueAction; before: StoredDataSet | null; after: StoredDataSet };

const json = (value: object | null) => (value === null ? undefined : (JSON.parse(JSON.stringify(value)) as object));

export class CatalogueFileStore {
  constructor(private readonly db: Database) {}

  async readAll(): Promise<StoredCatalogue> {
    const [dataElements, indicators, sets] = await Promise.all([
      this.db.prisma.dataElement.findMany({ orderBy: { code: "asc" } }),
      this.db.prisma.indicator.findMany({ orderBy: { code: "asc" } }),
      this.db.prisma.dataSet.findMany({ orderBy: { code: "asc" }, include: { elements: { orderBy: { dataElementCode: "asc" } }, deadlines: true } }),
    ]);
    const order = ["NATION", "PROVINCE", "DISTRICT", "COMMUNE"];
    const dataSets = sets.map(({ elements, deadlines, ...set }) => ({
      ...set,
      elements: elements.map((e) => e.dataElementCode),
      deadlines: deadlines
        .map((d) => ({ level: d.level, month: d.month, day: d.day, yearOffset: d.yearOffset }))
        .sort((a, b) => order.indexOf(b.level) - order.indexOf(a.level)),
    }));
    return { dataElements, indicators, dataSets };
  }

  async findDataSet(code: string): Promise<StoredDataSet | null> {
    const set = await this.db.prisma.dataSet.findUnique({ where: { code }, include: { elements: { orderBy: { dataElementCode: "asc" } }, deadlines: true } });
    if (!set) return null;
    const { elements, deadlines, ...rest } = set;
    return {
      ...rest,
      elements: elements.map((e) => e.dataElementCode),
      deadlines: deadlines.map((d) => ({ level: d.level, month: d.month, day: d.day, yearOffset: d.yearOffset })),
    };
  }

  /** Elements before indicators before data sets, so every reference exists when written. */
  async apply(writes: readonly CatalogueWrite[], changedBy: string): Promise<void> {
    const rank: Record<CatalogueKind, number> = { DATA_ELEMENT: 0, INDICATOR: 1, DATA_SET: 2 };
    const ordered = [...writes].sort((a, b) => rank[a.kind] - rank[b.kind]);
    await this.db.prisma.$transaction(
      async (tx) => {
        for (const write of ordered) {
          if (write.kind === "DATA_ELEMENT") {
            const { code, ...data } = write.after;
            await tx.dataElement.upsert({ where: { code }, create: write.after, update: data });
          } else if (write.kind === "INDICATOR") {
            const { code, ...data } = write.after;
            await tx.indicator.upsert({ where: { code }, create: write.after, update: data });
          } else {
            const { code, elements, deadlines, ...data } = write.after;
            await tx.dataSet.upsert({ where: { code }, create: { code, ...data }, update: data });
            await tx.dataSetElement.deleteMany({ where: { dataSetCode: code } });
            await tx.dataSetElement.createMany({ data: elements.map((dataElementCode) => ({ dataSetCode: code, dataElementCode })) });
            await tx.dataSetDeadline.deleteMany({ where: { dataSetCode: code } });
            await tx.dataSetDeadline.createMany({ data: deadlines.map((d) => ({ dataSetCode: code, ...d })) });
          }
          await tx.catalogueChange.create({
            data: { kind: write.kind, code: write.after.code, action: write.action, changedBy, before: json(write.before), after: json(write.after) },
          });
        }
      },
      { timeout: 60_000 },
    );
  }
}
