// Loads the data sets with the catalogue (idempotent: each set, its elements and deadlines replaced by code).
import { type AreaLevel, collectionLevelIn, type Database } from "@vnge/shared";
import type { DataElementDefinition } from "../catalogue/catalogue-definition";
import { DATA_SETS, type DataSetDefinition } from "./data-set.data";

const LEVELS: readonly AreaLevel[] = ["NATION", "PROVINCE", "DISTRICT", "COMMUNE"];
export const levelRank = (level: AreaLevel): number => LEVELS.indexOf(level);

/** Where a definition collected at `collectionLevel` is collected in a version without districts (decision 0098). */
const withoutDistricts = (d: { collectionLevel: AreaLevel; collectionLevelWithoutDistricts?: AreaLevel | null }) =>
  collectionLevelIn(d.collectionLevel, d.collectionLevelWithoutDistricts, { hasDistricts: false });

/** Unknown elements, elements collected at another level, deadlines below the reporting level, bad days. */
export function dataSetProblems(dataSets: readonly DataSetDefinition[], elements: readonly DataElementDefinition[]): string[] {
  const problems: string[] = [];
  const byCode = new Map(elements.map((e) => [e.code, e]));
  const codes = new Set<string>();
  for (const set of dataSets) {
    if (codes.has(set.code)) problems.push(`data set ${set.code} is defined twice`);
    codes.add(set.code);
    for (const code of set.elements) {
      const element = byCode.get(code);
      if (!element) problems.push(`data set ${set.code}: unknown data element ${code}`);
      else if (element.collectionLevel !== set.collectionLevel) {
        problems.push(`data set ${set.code} is reported by ${set.collectionLevel}; ${code} is collected at ${element.collectionLevel}`);
      } else if (withoutDistricts(element) !== withoutDistricts(set)) {
        problems.push(
          `data set ${set.code} is reported by ${withoutDistricts(set)} where there are no districts; ${code} is collected at ${withoutDistricts(element)} there`,
        );
      }
    }
    for (const d of set.deadlines) {
      if (levelRank(d.level) > levelRank(set.collectionLevel)) problems.push(`data set ${set.code}: deadline for ${d.level}, below the reporting level`);
      if (!(d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31)) problems.push(`data set ${set.code}: bad deadline ${d.day}/${d.month}`);
    }
  }
  return problems;
}

export async function seedDataSets(db: Database, dataSets: readonly DataSetDefinition[], elements: readonly DataElementDefinition[]): Promise<number> {
  const problems = dataSetProblems(dataSets, elements);
  if (problems.length > 0) throw new Error(`The data sets are invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  await db.prisma.$transaction(
    dataSets.flatMap((set) => {
      const data = {
        name: set.name,
        nameVi: set.nameVi,
        collectionLevel: set.collectionLevel,
        collectionLevelWithoutDistricts: set.collectionLevelWithoutDistricts ?? null,
      };
      return [
        db.prisma.dataSet.upsert({ where: { code: set.code }, create: { code: set.code, ...data }, update: data }),
        db.prisma.dataSetElement.deleteMany({ where: { dataSetCode: set.code } }),
        db.prisma.dataSetElement.createMany({ data: set.elements.map((dataElementCode) => ({ dataSetCode: set.code, dataElementCode })) }),
        db.prisma.dataSetDeadline.deleteMany({ where: { dataSetCode: set.code } }),
        db.prisma.dataSetDeadline.createMany({
          data: set.deadlines.map((d) => ({ dataSetCode: set.code, level: d.level, month: d.month, day: d.day, yearOffset: d.yearOffset ?? 0 })),
        }),
      ];
    }),
  );
  return dataSets.length;
}

export { DATA_SETS };
