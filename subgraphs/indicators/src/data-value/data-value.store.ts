// The write path, set-based: each chunk of a batch is one INSERT ... SELECT FROM unnest(...)
// ON CONFLICT DO UPDATE that skips unchanged rows; the same statement records what each change
// replaced in the audit and adds the differences to the running totals of every ancestor area
// that rollups read (data_value_total); all chunks run in one transaction
// (docs/decisions/0012-set-based-write-path.md, 0071-lean-write-path.md). Every part of the
// statement reads the same snapshot, so `stored` holds the values as they were before it; writers of
// the same (element, period) take its advisory lock first, so that snapshot holds the last writer's
// commit (decision 0075). Totals are numeric and changes are computed in numeric: they stay exact.
// The ancestors come from the areas of the version each row was validated in (the period's version).
import { type Database, type DataValueSex, type DataValueStatus, NATION_CODE, type SqlQuery } from "@vnge/shared";
import type { StoredValue, ValidValue } from "./data-value.validation";
import { MIN_ROWS_CHECKED, PlannerStatistics } from "./planner-statistics.store";

const CHUNK = 10_000;

const INPUT = `SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::text[], $7::text[])
                 AS t(data_element_code, period, area_code, sex, value, status, comment)`;

const UPSERT = `
WITH input AS (${INPUT}),
stored AS MATERIALIZED (
  -- Every stored value of each (element, period, area) the batch touches, one index range each:
  -- the values rows replace, and whether the area had reported the element at all. OFFSET 0 keeps
  -- the lookup a parameterised index scan whatever the planner's row counts say.
  SELECT g.data_element_code, g.period, g.area_code, s.sex, s.value, s.status, s.comment, s.submitted_by, s.submitted_at
  FROM (SELECT DISTINCT data_element_code, period, area_code FROM input) g
  CROSS JOIN LATERAL (
    SELECT dv.sex, dv.value, dv.status, dv.comment, dv.submitted_by, dv.submitted_at FROM indicators.data_value dv
    WHERE dv.data_element_code = g.data_element_code AND dv.period = g.period AND dv.area_code = g.area_code
    OFFSET 0) s
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
delta AS (
  SELECT w.data_element_code, w.period, w.area_code, w.sex, w.value, w.status, w.comment, w.inserted,
         p.value AS old_value, p.status AS old_status, p.comment AS old_comment, p.submitted_by AS old_by, p.submitted_at AS old_at
  FROM written w
  LEFT JOIN stored p ON p.data_element_code = w.data_element_code AND p.period = w.period
                    AND p.area_code = w.area_code AND p.sex = w.sex
),
audited AS (
  -- Changes only: a first submission is the value row itself until it changes (history() reads both).
  INSERT INTO indicators.data_value_audit
    (data_element_code, period, area_code, sex, old_value, new_value, old_status, new_status, comment, changed_by, changed_at,
     old_comment, old_changed_by, old_changed_at)
  SELECT data_element_code, period, area_code, sex, old_value, value, old_status, status, comment, $8, now(), old_comment, old_by, old_at
  FROM delta WHERE NOT inserted
),
per_area AS (
  SELECT data_element_code, period, area_code,
         sum(value::numeric - coalesce(old_value, 0)::numeric) FILTER (WHERE sex = 'MALE') AS male,
         sum(value::numeric - coalesce(old_value, 0)::numeric) FILTER (WHERE sex = 'FEMALE') AS female,
         sum(value::numeric - coalesce(old_value, 0)::numeric) FILTER (WHERE sex = 'NONE') AS none
  FROM delta GROUP BY 1, 2, 3
),
reported AS (SELECT DISTINCT data_element_code, period, area_code FROM stored),
totals AS (
  -- A commune's own sums are its few values (read from data_value); areas with areas beneath them
  -- keep running totals. An area that had no value of the element before counts as a new reporter.
  INSERT INTO indicators.data_value_total AS t
    (data_element_code, period, area_code, male, female, none, reporting_areas)
  SELECT c.data_element_code, c.period, ancestor.code, sum(c.male), sum(c.female), sum(c.none),
         count(*) FILTER (WHERE r.area_code IS NULL)
  FROM per_area c
  LEFT JOIN reported r ON r.data_element_code = c.data_element_code AND r.period = c.period AND r.area_code = c.area_code
  JOIN (SELECT DISTINCT period, hierarchy FROM unnest($2::text[], $9::text[]) AS v(period, hierarchy)) v ON v.period = c.period
  JOIN indicators.area a ON a.hierarchy = v.hierarchy AND a.code = c.area_code
  CROSS JOIN LATERAL (VALUES (CASE WHEN a.level <> 'COMMUNE' THEN a.code END), (a.district_code), (a.province_code),
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

/** The key writers of the same values serialise on: every value of an element for a period adds to the same totals. */
export interface ElementPeriod {
  dataElementCode: string;
  period: string;
}

// (Each lock statement returns a count: Prisma's raw layer on PGlite cannot read a void column.)
// Advisory locks of the value writers, two-key form (a key space apart from the migrator's one-key lock):
// one namespace for the (element, period) keys, one for the key every writer holds shared, or exclusive
// when it writes more pairs than it may lock one by one (or rebuilds every total).
const PAIR_LOCKS = 0x5644_5031;
const WRITER_LOCK = [0x5644_5030, 0] as const;
/** Beyond this many pairs a writer takes the writers' key exclusive: the shared lock table stays small. */
export const MAX_PAIR_LOCKS = 256;

const LOCK_PAIRS = `
SELECT count(pg_advisory_xact_lock(${PAIR_LOCKS}, k))::int AS locked
FROM (SELECT DISTINCT hashtext(e || '|' || p) AS k FROM unnest($1::text[], $2::text[]) AS t(e, p) ORDER BY 1) s`;

/**
 * Takes, in the transaction `tx`, the locks writers of `pairs` serialise on, always in one order (the writers'
 * key, then the pairs' keys sorted), so writers of the same pairs wait for each other and never deadlock. A
 * statement after it reads a snapshot holding every earlier writer's commit. Held until the transaction ends.
 */
export async function lockElementPeriods(tx: SqlQuery, pairs: Iterable<ElementPeriod>): Promise<void> {
  const keys = new Map<string, ElementPeriod>();
  for (const pair of pairs) keys.set(`${pair.dataElementCode}|${pair.period}`, pair);
  if (keys.size === 0) return;
  if (keys.size > MAX_PAIR_LOCKS) {
    await tx.query(`SELECT count(*)::int AS locked FROM pg_advisory_xact_lock($1::int, $2::int)`, [...WRITER_LOCK]);
    return;
  }
  await tx.query(`SELECT count(*)::int AS locked FROM pg_advisory_xact_lock_shared($1::int, $2::int)`, [...WRITER_LOCK]);
  const list = [...keys.values()];
  await tx.query(LOCK_PAIRS, [list.map((p) => p.dataElementCode), list.map((p) => p.period)]);
}

/** Waits for every writer and keeps new ones out until the transaction ends (for a rebuild of every total). */
export async function lockAllWriters(tx: SqlQuery): Promise<void> {
  await tx.query(`SELECT count(*)::int AS locked FROM pg_advisory_xact_lock($1::int, $2::int)`, [...WRITER_LOCK]);
}

/** A value as an export writes it. */
export interface ExportRow {
  data_element_code: string;
  area_code: string;
  sex: string;
  value: number;
  status: string;
  comment: string | null;
}

const EXPORT_PAGE = `
SELECT dv.data_element_code, dv.area_code, dv.sex::text AS sex, dv.value, dv.status::text AS status, dv.comment
FROM indicators.data_value dv
JOIN indicators.area a ON a.hierarchy = $8 AND a.code = dv.area_code
WHERE dv.period = $1
  AND ($2::text IS NULL OR dv.data_element_code = $2)
  AND ($3 = '${NATION_CODE}' OR a.code = $3 OR a.parent_code = $3 OR a.district_code = $3 OR a.province_code = $3)
  AND (dv.data_element_code, dv.area_code, dv.sex::text) > ($4, $5, $6)
ORDER BY dv.data_element_code, dv.area_code, dv.sex::text
LIMIT $7`;

export class DataValueStore {
  constructor(private readonly db: Database) {}

  /**
   * Runs `work` in one transaction that holds the locks of every pair first (a file's write pass): every
   * write `work` makes through a store on the Database it is given joins that transaction.
   */
  async inOneTransaction<T>(pairs: Iterable<ElementPeriod>, work: (db: Database) => Promise<T>, options?: { timeoutMs?: number }): Promise<T> {
    const result = await this.db.inTransaction(async (joined) => {
      await joined.transaction((tx) => lockElementPeriods(tx, pairs));
      return work(joined);
    }, options);
    // The planner's statistics count the rows once they are committed: look again now.
    await new PlannerStatistics(this.db).refreshAfterWrite(MIN_ROWS_CHECKED);
    return result;
  }

  /** Writes every row (all or nothing); returns how many were inserted and how many changed. */
  async upsert(rows: readonly ValidValue[], submittedBy: string): Promise<{ imported: number; updated: number }> {
    const total = { imported: 0, updated: 0 };
    if (rows.length === 0) return total;
    // On the driver: Prisma's raw layer spends more CPU on the 10,000-element array parameters than PostgreSQL on the rows.
    await this.db.transaction(async (tx) => {
      await lockElementPeriods(tx, rows);
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

  /**
   * Up to `limit` values of a period at an area of version `hierarchy` and beneath it (of one element, if
   * given) that come after the key `after` (element, area, sex) in key order: a page of an export.
   */
  exportPage(
    selection: { areaCode: string; period: string; dataElementCode?: string | null },
    hierarchy: string,
    after: readonly [string, string, string],
    limit: number,
  ): Promise<ExportRow[]> {
    return this.db.query<ExportRow>(EXPORT_PAGE, [selection.period, selection.dataElementCode ?? null, selection.areaCode, ...after, limit, hierarchy]);
  }

  /** The stored values under the keys of `rows` (for a dry run). */
  async findStored(rows: readonly ValidValue[]): Promise<StoredValue[]> {
    const found: StoredValue[] = [];
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      const result = await this.db.query<Record<string, unknown>>(
        `WITH input AS (${INPUT})
         SELECT dv.data_element_code, dv.period, dv.area_code, dv.sex::text AS sex, dv.value, dv.status::text AS status, dv.comment
         FROM indicators.data_value dv
         JOIN input i ON dv.data_element_code = i.data_element_code AND dv.period = i.period
                     AND dv.area_code = i.area_code AND dv.sex = i.sex::indicators."DataValueSex"`,
        columns(chunk),
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

  /**
   * Every change to one value, oldest first. A first submission is not written to the audit: it is the
   * value row itself until the value changes, and then the change's audit row holds what it replaced.
   * (Rows written before that rule include their first submission, with no old value.)
   */
  async history(key: DataValueKeyInput): Promise<DataValueChangeRow[]> {
    const where = { dataElementCode: key.dataElementCode, areaCode: key.areaCode, period: key.period, sex: key.sex };
    const changes = await this.db.prisma.dataValueAudit.findMany({
      where,
      orderBy: [{ changedAt: "asc" }, { id: "asc" }],
      select: {
        oldValue: true,
        newValue: true,
        oldStatus: true,
        newStatus: true,
        comment: true,
        changedBy: true,
        changedAt: true,
        oldComment: true,
        oldChangedBy: true,
        oldChangedAt: true,
      },
    });
    const rows: DataValueChangeRow[] = changes.map((c) => ({
      oldValue: c.oldValue,
      newValue: c.newValue,
      oldStatus: c.oldStatus,
      newStatus: c.newStatus,
      comment: c.comment,
      changedBy: c.changedBy,
      changedAt: c.changedAt.toISOString(),
    }));
    const first = changes[0];
    if (first === undefined) {
      const stored = await this.db.prisma.dataValue.findUnique({
        where: { dataElementCode_period_areaCode_sex: where },
        select: { value: true, status: true, comment: true, submittedBy: true, submittedAt: true },
      });
      if (!stored) return [];
      return [
        {
          oldValue: null,
          newValue: stored.value,
          oldStatus: null,
          newStatus: stored.status,
          comment: stored.comment,
          changedBy: stored.submittedBy,
          changedAt: stored.submittedAt.toISOString(),
        },
      ];
    }
    if (first.oldValue !== null && first.oldStatus !== null && first.oldChangedBy !== null && first.oldChangedAt !== null) {
      rows.unshift({
        oldValue: null,
        newValue: first.oldValue,
        oldStatus: null,
        newStatus: first.oldStatus,
        comment: first.oldComment,
        changedBy: first.oldChangedBy,
        changedAt: first.oldChangedAt.toISOString(),
      });
    }
    return rows;
  }
}
