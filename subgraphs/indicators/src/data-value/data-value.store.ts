// The write path, set-based: each chunk of a batch is one INSERT ... SELECT FROM unnest(...)
// ON CONFLICT DO UPDATE that skips unchanged rows, and the audit rows are written by the same
// statement from what it returned, and so are the running totals per ancestor area that rollups
// read (data_value_total); all chunks run in one transaction
// (see docs/decisions/0012-set-based-write-path.md). Every part of the statement reads the same
// snapshot, so `previous` holds the values as they were before the statement. The ancestors come
// from the areas of the version each row was validated in (the period's version).
import { type Database, type DataValueSex, type DataValueStatus, NATION_CODE } from "@vnge/shared";
import type { StoredValue, ValidValue } from "./data-value.validation";
import { PlannerStatistics } from "./planner-statistics";

const CHUNK = 10_000;

const INPUT = `SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::text[], $7::text[])
                 AS t(data_element_code, period, area_code, sex, value, status, comment)`;

const UPSERT = `
WITH input AS (${INPUT}),
previous AS (
  SELECT dv.data_element_code, dv.period, dv.area_code, dv.sex, dv.value, dv.status
  FROM indicators.data_value dv
  JOIN input i ON dv.data_element_code = i.data_element_code AND dv.period = i.period
              AND dv.area_code = i.area_code AND dv.sex = i.sex::indicators."DataValueSex"
),
written AS (
  INSERT INTO indicators.data_value AS dv
    (data_element_code, period, area_code, sex, value, status, comment, submitted_by, submitted_at)
  SELECT data_element_code, period, area_code, sex::indicators."DataValueSex", value,
         status::indicators."DataValueStatus", comment, $8, now()
  FROM input
  ON CONFLICT (data_element_code, period, area_code, sex) DO UPDATE SET
    value = EXCLUDED.value, status = EXCLUDED.status, comment = EXCLUDED.comment,
    submitted_by = EXCLUDED.submitted_by, submitted_at = EXCLUDED.submitted_at
  WHERE (dv.value, dv.status, dv.comment) IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.status, EXCLUDED.comment)
  RETURNING dv.data_element_code, dv.period, dv.area_code, dv.sex, dv.value, dv.status, dv.comment, (dv.xmax = 0) AS inserted
),
audited AS (
  INSERT INTO indicators.data_value_audit
    (data_element_code, period, area_code, sex, old_value, new_value, old_status, new_status, comment, changed_by, changed_at)
  SELECT w.data_element_code, w.period, w.area_code, w.sex, p.value, w.value, p.status, w.status, w.comment, $8, now()
  FROM written w
  LEFT JOIN previous p ON p.data_element_code = w.data_element_code AND p.period = w.period
                      AND p.area_code = w.area_code AND p.sex = w.sex
),
delta AS (
  SELECT w.data_element_code, w.period, w.area_code, w.sex, w.value - coalesce(p.value, 0) AS change, p.value IS NULL AS is_new
  FROM written w
  LEFT JOIN previous p ON p.data_element_code = w.data_element_code AND p.period = w.period
                      AND p.area_code = w.area_code AND p.sex = w.sex
),
first_report AS (
  -- Areas with no value at all of the element for the period before this statement.
  SELECT DISTINCT d.data_element_code, d.period, d.area_code
  FROM delta d
  WHERE d.is_new AND NOT EXISTS (
    SELECT 1 FROM indicators.data_value x
    WHERE x.data_element_code = d.data_element_code AND x.period = d.period AND x.area_code = d.area_code)
),
change AS (
  SELECT data_element_code, period, area_code,
         CASE WHEN sex = 'MALE' THEN change END AS male,
         CASE WHEN sex = 'FEMALE' THEN change END AS female,
         CASE WHEN sex = 'NONE' THEN change END AS none,
         0 AS reporting
  FROM delta
  UNION ALL
  SELECT data_element_code, period, area_code, NULL, NULL, NULL, 1 FROM first_report
),
totals AS (
  INSERT INTO indicators.data_value_total AS t
    (data_element_code, period, area_code, male, female, none, reporting_areas)
  SELECT c.data_element_code, c.period, ancestor.code, sum(c.male), sum(c.female), sum(c.none), sum(c.reporting)
  FROM change c
  JOIN (SELECT DISTINCT period, hierarchy FROM unnest($2::text[], $9::text[]) AS v(period, hierarchy)) v ON v.period = c.period
  JOIN indicators.area a ON a.hierarchy = v.hierarchy AND a.code = c.area_code
  CROSS JOIN LATERAL (VALUES (a.code), (a.district_code), (a.province_code),
                             (CASE WHEN a.level <> 'NATION' THEN '${NATION_CODE}' END)) AS ancestor(code)
  WHERE ancestor.code IS NOT NULL
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3 -- one lock order for every writer
  ON CONFLICT (data_element_code, period, area_code) DO UPDATE SET
    male = CASE WHEN EXCLUDED.male IS NULL THEN t.male ELSE coalesce(t.male, 0) + EXCLUDED.male END,
    female = CASE WHEN EXCLUDED.female IS NULL THEN t.female ELSE coalesce(t.female, 0) + EXCLUDED.female END,
    none = CASE WHEN EXCLUDED.none IS NULL THEN t.none ELSE coalesce(t.none, 0) + EXCLUDED.none END,
    reporting_areas = t.reporting_areas + EXCLUDED.reporting_areas
)
SELECT (count(*) FILTER (WHERE inserted))::int AS imported, (count(*) FILTER (WHERE NOT inserted))::int AS updated FROM written`;

export interface DataValueKeyInput {
  dataElementCode: string;
  areaCode: string;
  period: string;
  sex: DataValueSex;
}

export interface DataValueChangeRow {
  oldValue: number | null;
  newValue: number;
  oldStatus: DataValueStatus | null;
  newStatus: DataValueStatus;
  comment: string | null;
  changedBy: string;
  changedAt: string;
}

function columns(rows: readonly ValidValue[]): unknown[] {
  return [
    rows.map((r) => r.dataElementCode),
    rows.map((r) => r.period),
    rows.map((r) => r.areaCode),
    rows.map((r) => r.sex),
    rows.map((r) => r.value),
    rows.map((r) => r.status),
    rows.map((r) => r.comment),
  ];
}

export class DataValueStore {
  constructor(private readonly db: Database) {}

  /** Writes every row (all or nothing); returns how many were inserted and how many changed. */
  async upsert(rows: readonly ValidValue[], submittedBy: string): Promise<{ imported: number; updated: number }> {
    const total = { imported: 0, updated: 0 };
    if (rows.length === 0) return total;
    // On the driver: Prisma's raw layer spends more CPU on the 10,000-element array parameters than PostgreSQL on the rows.
    await this.db.transaction(async (tx) => {
      for (let start = 0; start < rows.length; start += CHUNK) {
        const chunk = rows.slice(start, start + CHUNK);
        const [result] = await tx.query<{ imported: number; updated: number }>(UPSERT, [...columns(chunk), submittedBy, chunk.map((r) => r.hierarchy)]);
        total.imported += Number(result.imported);
        total.updated += Number(result.updated);
      }
    });
    await new PlannerStatistics(this.db).refreshAfterWrite(total.imported + total.updated);
    return total;
  }

  /** The stored values under the keys of `rows` (for a dry run). */
  async findStored(rows: readonly ValidValue[]): Promise<StoredValue[]> {
    const found: StoredValue[] = [];
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      const result = await this.db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(
        `WITH input AS (${INPUT})
         SELECT dv.data_element_code, dv.period, dv.area_code, dv.sex::text AS sex, dv.value, dv.status::text AS status, dv.comment
         FROM indicators.data_value dv
         JOIN input i ON dv.data_element_code = i.data_element_code AND dv.period = i.period
                     AND dv.area_code = i.area_code AND dv.sex = i.sex::indicators."DataValueSex"`,
        ...columns(chunk),
      );
      for (const row of result) {
        found.push({
          dataElementCode: String(row.data_element_code),
          period: String(row.period),
          areaCode: String(row.area_code),
          sex: row.sex as DataValueSex,
          value: Number(row.value),
          status: row.status as DataValueStatus,
          comment: (row.comment as string | null) ?? null,
        });
      }
    }
    return found;
  }

  /** Every change to one value, oldest first. */
  async history(key: DataValueKeyInput): Promise<DataValueChangeRow[]> {
    const rows = await this.db.prisma.dataValueAudit.findMany({
      where: { dataElementCode: key.dataElementCode, areaCode: key.areaCode, period: key.period, sex: key.sex },
      orderBy: [{ changedAt: "asc" }, { id: "asc" }],
      select: { oldValue: true, newValue: true, oldStatus: true, newStatus: true, comment: true, changedBy: true, changedAt: true },
    });
    return rows.map((row) => ({ ...row, changedAt: row.changedAt.toISOString() }));
  }
}
