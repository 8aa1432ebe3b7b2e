// The read path of the rollup: one statement reads the sums of every requested data element for
// every requested area from the running totals (data_value_total, kept by the write statement over
// the ancestor columns the area table holds on each row; a commune's are its own values); a second
// reads how many areas are expected to report (area_size, kept by a trigger on the area table).
// Values of a period read in another hierarchy version come from the stored values carried through the
// crosswalk of the two versions (decision 0060).
import { type AreaLevel, type Database, type DataValueStatus, NATION_CODE } from "@vnge/shared";

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
  /** Sum of |value| x share over contributions apportioned by a partial mapping (0 within one version). */
  apportioned: number;
  /** Sum of |value| x share over every contribution. */
  magnitude: number;
}

export interface ElementProvenanceRow {
  target: string;
  element: string;
  period: string;
  status: DataValueStatus;
  updatedAt: Date;
}

export interface ExpectedAreasRow {
  target: string;
  level: AreaLevel;
  areas: number;
}

export class IndicatorValueStore {
  constructor(private readonly db: Database) {}

  /**
   * Sums of each element and period for each target area (the values stored at the area and beneath
   * it): one indexed row per target from the running totals the write statement keeps, and for a
   * commune, which has none beneath it, the sum of its own few values.
   */
  async sumElements(elementCodes: readonly string[], periods: readonly string[], targets: readonly AreaTarget[]): Promise<ElementSumRow[]> {
    if (elementCodes.length === 0 || periods.length === 0 || targets.length === 0) return [];
    const communes = targets.filter((t) => t.level === "COMMUNE").map((t) => t.code);
    const others = targets.filter((t) => t.level !== "COMMUNE").map((t) => t.code);
    const parts: string[] = [];
    if (others.length > 0) {
      // One index range per period and area (OFFSET 0 keeps it a parameterised index scan): the totals table is
      // small enough that the planner would otherwise scan all of it for a few hundred rows.
      parts.push(`SELECT t.* FROM unnest($2::text[]) AS p(period) CROSS JOIN unnest($3::text[]) AS a(code)
       CROSS JOIN LATERAL (
         SELECT area_code AS target, data_element_code AS element, period, male, female, none, reporting_areas AS reporting
         FROM indicators.data_value_total
         WHERE period = p.period AND area_code = a.code AND data_element_code = ANY($1::text[])
         OFFSET 0) AS t`);
    }
    if (communes.length > 0) {
      parts.push(`SELECT area_code AS target, data_element_code AS element, period,
              sum(value) FILTER (WHERE sex = 'MALE') AS male, sum(value) FILTER (WHERE sex = 'FEMALE') AS female,
              sum(value) FILTER (WHERE sex = 'NONE') AS none, 1 AS reporting
       FROM indicators.data_value
       WHERE data_element_code = ANY($1::text[]) AND period = ANY($2::text[]) AND area_code = ANY($${others.length > 0 ? 4 : 3}::text[])
       GROUP BY 1, 2, 3`);
    }
    const rows = await this.db.query(parts.join("\nUNION ALL\n"), [
      [...elementCodes],
      [...new Set(periods)],
      ...(others.length > 0 ? [[...new Set(others)]] : []),
      ...(communes.length > 0 ? [communes] : []),
    ]);
    return rows.map(toSumRow);
  }

  /**
   * The same sums for target areas of version `toHierarchy`, from values stored in version
   * `fromHierarchy`: each stored value counts with its area's share in the target (area_crosswalk).
   */
  async sumElementsAcross(
    elementCodes: readonly string[],
    periods: readonly string[],
    fromHierarchy: string,
    toHierarchy: string,
    targets: readonly AreaTarget[],
  ): Promise<ElementSumRow[]> {
    if (elementCodes.length === 0 || periods.length === 0 || targets.length === 0) return [];
    const rows = await this.db.query<Record<string, unknown>>(
      // Both sides are filtered first and joined by hash: the crosswalk to a nation has a row per source area.
      `WITH dv AS MATERIALIZED (
         SELECT area_code, data_element_code, period, sex, value FROM indicators.data_value
          WHERE data_element_code = ANY($1::text[]) AND period = ANY($2::text[])),
       x AS MATERIALIZED (
         SELECT from_code, to_code, weight FROM indicators.area_crosswalk
          WHERE to_hierarchy = $4 AND from_hierarchy = $5 AND to_code = ANY($3::text[]))
       SELECT x.to_code AS target, dv.data_element_code AS element, dv.period,
              sum(dv.value * x.weight) FILTER (WHERE dv.sex = 'MALE') AS male,
              sum(dv.value * x.weight) FILTER (WHERE dv.sex = 'FEMALE') AS female,
              sum(dv.value * x.weight) FILTER (WHERE dv.sex = 'NONE') AS none,
              count(DISTINCT dv.area_code) AS reporting,
              coalesce(sum(abs(dv.value) * x.weight) FILTER (WHERE x.weight < ${1 - 1e-9}), 0) AS apportioned,
              coalesce(sum(abs(dv.value) * x.weight), 0) AS magnitude
         FROM dv JOIN x ON x.from_code = dv.area_code
        GROUP BY 1, 2, 3`,
      [[...elementCodes], [...periods], targets.map((t) => t.code), toHierarchy, fromHierarchy],
    );
    return rows.map(toSumRow);
  }

  /**
   * Where the values of each element and period at each target area (and beneath it) stand: the least final
   * status among them and when the latest was submitted. Values of `fromHierarchy` reach targets of
   * `toHierarchy` through the crosswalk when the two differ. Read only when a client asks (SDMX, not dashboards).
   */
  async provenance(
    elementCodes: readonly string[],
    periods: readonly string[],
    fromHierarchy: string,
    toHierarchy: string,
    targets: readonly string[],
  ): Promise<ElementProvenanceRow[]> {
    if (elementCodes.length === 0 || periods.length === 0 || targets.length === 0) return [];
    const native = fromHierarchy === toHierarchy;
    // The nation holds every value of its version: no join to the area tree.
    const nation = native && targets.includes(NATION_CODE) ? [NATION_CODE] : [];
    const others = targets.filter((code) => !nation.includes(code));
    const parts: string[] = [];
    if (nation.length > 0) parts.push(`SELECT '${NATION_CODE}' AS target, dv.* FROM dv`);
    if (others.length > 0) {
      parts.push(
        native
          ? `SELECT t.code AS target, dv.* FROM dv JOIN indicators.area a ON a.hierarchy = $4 AND a.code = dv.area_code
               JOIN unnest($3::text[]) AS t(code) ON t.code IN (a.code, a.parent_code, a.province_code, a.district_code)`
          : `SELECT x.to_code AS target, dv.* FROM dv JOIN indicators.area_crosswalk x
               ON x.to_hierarchy = $4 AND x.from_hierarchy = $5 AND x.from_code = dv.area_code AND x.to_code = ANY($3::text[])`,
      );
    }
    const rows = await this.db.query<Record<string, unknown>>(
      `WITH dv AS MATERIALIZED (
         SELECT area_code, data_element_code, period, status, submitted_at FROM indicators.data_value
          WHERE data_element_code = ANY($1::text[]) AND period = ANY($2::text[]))
       SELECT target, data_element_code AS element, period,
              bool_or(status = 'ESTIMATED') AS estimated, bool_or(status = 'PROVISIONAL') AS provisional, max(submitted_at) AS updated
         FROM (${parts.join(" UNION ALL ")}) AS reached
        GROUP BY 1, 2, 3`,
      [[...elementCodes], [...periods], ...(others.length === 0 ? [] : [others, toHierarchy, ...(native ? [] : [fromHierarchy])])],
    );
    return rows.map((row) => ({
      target: String(row.target),
      element: String(row.element),
      period: String(row.period),
      status: row.estimated === true ? "ESTIMATED" : row.provisional === true ? "PROVISIONAL" : "FINAL",
      updatedAt: new Date(row.updated as string | Date),
    }));
  }

  /** How many areas of each level of `fromHierarchy` feed each target of `toHierarchy`. */
  async countSourcesFeeding(fromHierarchy: string, toHierarchy: string, targets: readonly AreaTarget[]): Promise<ExpectedAreasRow[]> {
    if (targets.length === 0) return [];
    const rows = await this.db.query<Record<string, unknown>>(
      `SELECT x.to_code AS target, a.level::text AS level, count(*)::int AS areas
         FROM indicators.area_crosswalk x
         JOIN indicators.area a ON a.hierarchy = x.from_hierarchy AND a.code = x.from_code
        WHERE x.to_hierarchy = $1 AND x.from_hierarchy = $2 AND x.to_code = ANY($3::text[])
        GROUP BY 1, 2`,
      [toHierarchy, fromHierarchy, targets.map((t) => t.code)],
    );
    return rows.map((row) => ({ target: String(row.target), level: row.level as AreaLevel, areas: Number(row.areas) }));
  }

  /** Whether values can be carried from one version to the other at all (a mapping was imported). */
  async hasCrosswalk(fromHierarchy: string, toHierarchy: string): Promise<boolean> {
    const rows = await this.db.query<{ found: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM indicators.area_crosswalk WHERE to_hierarchy = $1 AND from_hierarchy = $2) AS found`,
      [toHierarchy, fromHierarchy],
    );
    return rows[0]?.found === true;
  }

  /** How many areas of each level of the version each target is (itself) or holds beneath it (kept in area_size). */
  async countAreasBeneath(targets: readonly AreaTarget[], hierarchy: string): Promise<ExpectedAreasRow[]> {
    if (targets.length === 0) return [];
    const rows = await this.db.query(
      `SELECT code AS target, level::text AS level, areas FROM indicators.area_size WHERE hierarchy = $2 AND code = ANY($1::text[])`,
      [targets.map((t) => t.code), hierarchy],
    );
    return rows.map((row) => ({ target: String(row.target), level: row.level as AreaLevel, areas: Number(row.areas) }));
  }
}

/** A row of either sums statement; within one version nothing is apportioned. */
function toSumRow(row: Record<string, unknown>): ElementSumRow {
  return {
    target: String(row.target),
    element: String(row.element),
    period: String(row.period),
    male: toNumber(row.male),
    female: toNumber(row.female),
    none: toNumber(row.none),
    reporting: Number(row.reporting),
    apportioned: Number(row.apportioned ?? 0),
    magnitude: Number(row.magnitude ?? 0),
  };
}

function toNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
