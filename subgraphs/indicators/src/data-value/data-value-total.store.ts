// The running totals (data_value_total) against the values they sum: a check that recomputes every total
// from data_value with the write statement's rule (a value counts at its area unless a commune, its district,
// its province and the nation, in the hierarchy version of its period), and a rebuild that replaces them
// all in one transaction (docs/decisions/0075-writers-of-the-same-values-and-whole-files.md).
import { type Database, NATION_CODE, type SqlQuery } from "@vnge/shared";
import { lockAllWriters } from "./data-value.store";

/** One total that differs from the sum of the stored values (null: no row on that side). */
export interface TotalDifference {
  dataElementCode: string;
  period: string;
  areaCode: string;
  stored: TotalFigures | null;
  expected: TotalFigures | null;
}

export interface TotalFigures {
  /** Exact decimal text, as PostgreSQL's numeric prints it. */
  male: string | null;
  female: string | null;
  none: string | null;
  reportingAreas: number;
}

/** The period and the version its values are stored against, for every period that has values. */
export interface PeriodVersion {
  period: string;
  hierarchy: string;
}

// Every total the stored values imply; $1/$2: each period and its version.
const EXPECTED = `
SELECT dv.data_element_code, dv.period, ancestor.code AS area_code,
       sum(dv.value::numeric) FILTER (WHERE dv.sex = 'MALE') AS male,
       sum(dv.value::numeric) FILTER (WHERE dv.sex = 'FEMALE') AS female,
       sum(dv.value::numeric) FILTER (WHERE dv.sex = 'NONE') AS none,
       count(DISTINCT dv.area_code)::int AS reporting_areas
FROM indicators.data_value dv
JOIN unnest($1::text[], $2::text[]) AS v(period, hierarchy) ON v.period = dv.period
JOIN indicators.area a ON a.hierarchy = v.hierarchy AND a.code = dv.area_code
CROSS JOIN LATERAL (VALUES (CASE WHEN a.level <> 'COMMUNE' THEN a.code END), (a.district_code), (a.province_code),
                           (CASE WHEN a.level <> 'NATION' THEN '${NATION_CODE}' END)) AS ancestor(code)
WHERE ancestor.code IS NOT NULL
GROUP BY 1, 2, 3`;

const DIFFERENCES = `
WITH expected AS MATERIALIZED (${EXPECTED})
SELECT coalesce(t.data_element_code, e.data_element_code) AS data_element_code, coalesce(t.period, e.period) AS period,
       coalesce(t.area_code, e.area_code) AS area_code, t.area_code IS NOT NULL AS has_stored, e.area_code IS NOT NULL AS has_expected,
       t.male::text AS stored_male, t.female::text AS stored_female, t.none::text AS stored_none, t.reporting_areas AS stored_reporting,
       e.male::text AS expected_male, e.female::text AS expected_female, e.none::text AS expected_none, e.reporting_areas AS expected_reporting
FROM indicators.data_value_total t
FULL JOIN expected e ON e.data_element_code = t.data_element_code AND e.period = t.period AND e.area_code = t.area_code
WHERE (t.male, t.female, t.none, t.reporting_areas) IS DISTINCT FROM (e.male, e.female, e.none, e.reporting_areas)
ORDER BY 1, 2, 3
LIMIT $3`;

const COUNT_DIFFERENCES = `
WITH expected AS MATERIALIZED (${EXPECTED})
SELECT count(*)::int AS differences
FROM indicators.data_value_total t
FULL JOIN expected e ON e.data_element_code = t.data_element_code AND e.period = t.period AND e.area_code = t.area_code
WHERE (t.male, t.female, t.none, t.reporting_areas) IS DISTINCT FROM (e.male, e.female, e.none, e.reporting_areas)`;

interface DifferenceRow {
  data_element_code: string;
  period: string;
  area_code: string;
  has_stored: boolean;
  has_expected: boolean;
  stored_male: string | null;
  stored_female: string | null;
  stored_none: string | null;
  stored_reporting: number | null;
  expected_male: string | null;
  expected_female: string | null;
  expected_none: string | null;
  expected_reporting: number | null;
}

export class DataValueTotalStore {
  constructor(private readonly db: Database) {}

  /** Every period that has stored values. */
  async periods(): Promise<string[]> {
    const rows = await this.db.query<{ period: string }>(`SELECT DISTINCT period FROM indicators.data_value ORDER BY 1`);
    return rows.map((row) => row.period);
  }

  /** How many totals differ from the sums of the stored values, and the first `limit` of them. One snapshot each. */
  async differences(versions: readonly PeriodVersion[], limit = 100): Promise<{ count: number; listed: TotalDifference[] }> {
    const params = [versions.map((v) => v.period), versions.map((v) => v.hierarchy)];
    return this.db.transaction(async (tx) => {
      // One snapshot for the count and the list.
      await tx.query(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`);
      const [{ differences }] = await tx.query<{ differences: number }>(COUNT_DIFFERENCES, params);
      const rows = differences === 0 ? [] : await tx.query<DifferenceRow>(DIFFERENCES, [...params, limit]);
      return { count: Number(differences), listed: rows.map(toDifference) };
    });
  }

  /**
   * Replaces every total with the sums of the stored values, in one transaction. It holds the writers' key
   * exclusively: it waits for every writer in progress and new ones wait for it, so it sums every committed
   * value and no change lands in between. Returns the number of totals written.
   */
  async rebuild(versions: readonly PeriodVersion[]): Promise<number> {
    return this.db.transaction(async (tx: SqlQuery) => {
      await lockAllWriters(tx);
      await tx.query(`DELETE FROM indicators.data_value_total`);
      const [{ written }] = await tx.query<{ written: number }>(
        `WITH rebuilt AS (
           INSERT INTO indicators.data_value_total (data_element_code, period, area_code, male, female, none, reporting_areas)
           ${EXPECTED}
           RETURNING 1)
         SELECT count(*)::int AS written FROM rebuilt`,
        [versions.map((v) => v.period), versions.map((v) => v.hierarchy)],
      );
      return Number(written);
    });
  }
}

function toDifference(row: DifferenceRow): TotalDifference {
  return {
    dataElementCode: row.data_element_code,
    period: row.period,
    areaCode: row.area_code,
    stored: row.has_stored ? { male: row.stored_male, female: row.stored_female, none: row.stored_none, reportingAreas: Number(row.stored_reporting) } : null,
    expected: row.has_expected
      ? { male: row.expected_male, female: row.expected_female, none: row.expected_none, reportingAreas: Number(row.expected_reporting) }
      : null,
  };
}
