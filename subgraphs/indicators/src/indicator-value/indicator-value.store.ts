// The read path of the rollup: one statement sums every requested data element over the areas
// beneath every requested area, grouping by the ancestor columns the area table keeps on each row
// (province_code, district_code); a second counts the areas expected to report.
import type { AreaLevel, Database } from "@vnge/shared";

export interface AreaTarget {
  code: string;
  level: AreaLevel;
}

export interface ElementSumRow {
  target: string;
  element: string;
  period: string;
  male: number | null;
  female: number | null;
  none: number | null;
  reporting: number;
}

export interface ExpectedAreasRow {
  target: string;
  level: AreaLevel;
  areas: number;
}

const SUMS = `sum(dv.value) FILTER (WHERE dv.sex = 'MALE') AS male,
       sum(dv.value) FILTER (WHERE dv.sex = 'FEMALE') AS female,
       sum(dv.value) FILTER (WHERE dv.sex = 'NONE') AS none,
       count(DISTINCT dv.area_code) AS reporting`;

export class IndicatorValueStore {
  constructor(private readonly db: Database) {}

  /**
   * Sums of each element and period for each target area: the values stored at the area itself
   * plus those stored at any area beneath it. The branches cover disjoint sets of rows.
   */
  async sumElements(elementCodes: readonly string[], periods: readonly string[], targets: readonly AreaTarget[]): Promise<ElementSumRow[]> {
    if (elementCodes.length === 0 || periods.length === 0 || targets.length === 0) return [];
    const params: unknown[] = [[...elementCodes], [...periods]];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const filter = `dv.data_element_code = ANY($1::text[]) AND dv.period = ANY($2::text[])`;
    const branches = [
      `SELECT dv.area_code AS target, dv.data_element_code AS element, dv.period, ${SUMS}
       FROM indicators.data_value dv
       WHERE ${filter} AND dv.area_code = ANY(${param(targets.map((t) => t.code))}::text[])
       GROUP BY 1, 2, 3`,
    ];
    const codesAt = (level: AreaLevel) => targets.filter((t) => t.level === level).map((t) => t.code);
    if (targets.some((t) => t.level === "NATION")) {
      branches.push(
        `SELECT ${param(targets.find((t) => t.level === "NATION")!.code)}::text AS target, dv.data_element_code, dv.period, ${SUMS}
         FROM indicators.data_value dv
         WHERE ${filter} AND dv.area_code <> $${params.length}::text
         GROUP BY 1, 2, 3`,
      );
    }
    for (const [level, column] of [["PROVINCE", "province_code"], ["DISTRICT", "district_code"]] as const) {
      const codes = codesAt(level);
      if (codes.length === 0) continue;
      branches.push(
        `SELECT a.${column} AS target, dv.data_element_code, dv.period, ${SUMS}
         FROM indicators.data_value dv JOIN indicators.area a ON a.code = dv.area_code
         WHERE ${filter} AND a.${column} = ANY(${param(codes)}::text[])
         GROUP BY 1, 2, 3`,
      );
    }
    const rows = await this.db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(
      `SELECT target, element, period,
              sum(male)::float8 AS male, sum(female)::float8 AS female, sum(none)::float8 AS none, sum(reporting)::int AS reporting
       FROM (${branches.join("\n UNION ALL \n")}) AS branch
       GROUP BY target, element, period`,
      ...params,
    );
    return rows.map((row) => ({
      target: String(row.target),
      element: String(row.element),
      period: String(row.period),
      male: toNumber(row.male),
      female: toNumber(row.female),
      none: toNumber(row.none),
      reporting: Number(row.reporting),
    }));
  }

  /** How many areas of each level each target is (itself) or holds beneath it. */
  async countAreasBeneath(targets: readonly AreaTarget[]): Promise<ExpectedAreasRow[]> {
    if (targets.length === 0) return [];
    const params: unknown[] = [targets.map((t) => t.code)];
    const branches = [`SELECT code AS target, level, 1 AS areas FROM indicators.area WHERE code = ANY($1::text[])`];
    const nation = targets.find((t) => t.level === "NATION");
    if (nation) {
      params.push(nation.code);
      branches.push(`SELECT $${params.length}::text, level, count(*) FROM indicators.area WHERE code <> $${params.length}::text GROUP BY level`);
    }
    for (const [level, column] of [["PROVINCE", "province_code"], ["DISTRICT", "district_code"]] as const) {
      const codes = targets.filter((t) => t.level === level).map((t) => t.code);
      if (codes.length === 0) continue;
      params.push(codes);
      branches.push(`SELECT ${column}, level, count(*) FROM indicators.area WHERE ${column} = ANY($${params.length}::text[]) GROUP BY 1, 2`);
    }
    const rows = await this.db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(
      `SELECT target, level::text AS level, sum(areas)::int AS areas FROM (${branches.join("\n UNION ALL \n")}) AS branch GROUP BY 1, 2`,
      ...params,
    );
    return rows.map((row) => ({ target: String(row.target), level: row.level as AreaLevel, areas: Number(row.areas) }));
  }
}

function toNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
