// The read path of the rollup: one statement reads the sums of every requested data element for
// every requested area from the running totals (data_value_total, kept by the write statement over
// the ancestor columns the area table holds on each row); a second counts the areas expected to report.
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

export const approvalKey = (element: string, period: string, area: string) => `${element}|${period}|${area}`;

export class IndicatorValueStore {
  constructor(private readonly db: Database) {}

  /**
   * Sums of each element and period for each target area (the values stored at the area and beneath
   * it), read from the running totals the write statement keeps: one indexed row per target.
   */
  async sumElements(elementCodes: readonly string[], periods: readonly string[], targets: readonly AreaTarget[]): Promise<ElementSumRow[]> {
    if (elementCodes.length === 0 || periods.length === 0 || targets.length === 0) return [];
    const rows = await this.db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(
      `SELECT area_code AS target, data_element_code AS element, period, male, female, none, reporting_areas AS reporting
       FROM indicators.data_value_total
       WHERE data_element_code = ANY($1::text[]) AND period = ANY($2::text[]) AND area_code = ANY($3::text[])`,
      [...elementCodes],
      [...periods],
      targets.map((t) => t.code),
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

  /**
   * For the visibility rule: which of the elements are governed by a data set at all, and where each
   * governed element is approved (or accepted) for each period, among the given areas. One statement.
   */
  async approvals(elementCodes: readonly string[], periods: readonly string[], areaCodes: readonly string[]): Promise<{ governed: Set<string>; approved: Set<string> }> {
    const rows = await this.db.prisma.$queryRawUnsafe<{ element: string; period: string | null; area: string | null }[]>(
      `SELECT DISTINCT e.data_element_code AS element, a.period, a.area_code AS area
         FROM indicators.data_set_element e
         LEFT JOIN indicators.data_approval a
           ON a.data_set_code = e.data_set_code AND a.state IN ('APPROVED', 'ACCEPTED')
          AND a.period = ANY($2::text[]) AND a.area_code = ANY($3::text[])
        WHERE e.data_element_code = ANY($1::text[])`,
      [...elementCodes],
      [...periods],
      [...areaCodes],
    );
    const governed = new Set(rows.map((row) => row.element));
    const approved = new Set(rows.filter((row) => row.area !== null).map((row) => approvalKey(row.element, row.period!, row.area!)));
    return { governed, approved };
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
