// The lock on approved data, checked by the write path (DataValueService) so every way of writing
// values obeys it: a row is refused when it would change a stored value of a data set approved at
// its area or any ancestor. Rows equal to what is stored pass, so re-imports of approved data still
// report "unchanged" (docs/decisions/0051-approval-and-locking.md).
import { type Database, NATION_CODE } from "@vnge/shared";
import type { Conflict, ValidValue } from "../data-value/data-value.validation";

const LOCKED_ROWS = `
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::text[], $7::text[], $8::text[])
    WITH ORDINALITY AS t(data_element_code, period, area_code, sex, value, status, comment, hierarchy, n)
)
SELECT DISTINCT ON (i.n) (i.n - 1)::int AS index, ds.code AS data_set_code, ds.name AS data_set_name,
       i.area_code, i.period, ap.area_code AS approved_at, approver.level::text AS approved_level, ap.state::text AS state
FROM input i
JOIN indicators.data_set_element dse ON dse.data_element_code = i.data_element_code
JOIN indicators.data_set ds ON ds.code = dse.data_set_code
JOIN indicators.area a ON a.hierarchy = i.hierarchy AND a.code = i.area_code
JOIN indicators.data_approval ap ON ap.data_set_code = dse.data_set_code AND ap.period = i.period
 AND ap.area_code IN (a.code, a.district_code, a.province_code, '${NATION_CODE}')
 AND ap.state IN ('APPROVED', 'ACCEPTED')
JOIN indicators.area approver ON approver.hierarchy = a.hierarchy AND approver.code = ap.area_code
LEFT JOIN indicators.data_value dv ON dv.data_element_code = i.data_element_code AND dv.period = i.period
 AND dv.area_code = i.area_code AND dv.sex = i.sex::indicators."DataValueSex"
WHERE (dv.value, dv.status::text, dv.comment) IS DISTINCT FROM (i.value, i.status, i.comment)
ORDER BY i.n, approver.level DESC`;

/** Whether any data set of the batch's elements is approved anywhere for its periods: when none is, no row can be locked. */
const ANY_APPROVAL = `
SELECT EXISTS (
  SELECT 1 FROM indicators.data_set_element dse
  JOIN indicators.data_approval ap ON ap.data_set_code = dse.data_set_code
  WHERE dse.data_element_code = ANY($1::text[]) AND ap.period = ANY($2::text[]) AND ap.state IN ('APPROVED', 'ACCEPTED')
) AS found`;

interface LockedRow {
  index: number;
  data_set_code: string;
  data_set_name: string;
  area_code: string;
  period: string;
  approved_at: string;
  approved_level: string;
  state: string;
}

export class ValueLock {
  constructor(private readonly db: Database) {}

  /** One conflict per row of `rows` that would change a locked value; empty when none would. */
  async conflicts(rows: readonly ValidValue[]): Promise<Conflict[]> {
    if (rows.length === 0) return [];
    // One small statement first: most batches meet no approval, and then need no row-by-row check.
    const [approved] = await this.db.query<{ found: boolean }>(ANY_APPROVAL, [
      [...new Set(rows.map((r) => r.dataElementCode))],
      [...new Set(rows.map((r) => r.period))],
    ]);
    if (!approved?.found) return [];
    const found: Conflict[] = [];
    const CHUNK = 10_000;
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      // On the driver: Prisma's raw layer costs more CPU than PostgreSQL on 10,000-element array parameters.
      const locked = await this.db.query<LockedRow>(LOCKED_ROWS, [
        chunk.map((r) => r.dataElementCode),
        chunk.map((r) => r.period),
        chunk.map((r) => r.areaCode),
        chunk.map((r) => r.sex),
        chunk.map((r) => r.value),
        chunk.map((r) => r.status),
        chunk.map((r) => r.comment),
        chunk.map((r) => r.hierarchy),
      ]);
      for (const row of locked) {
        const where = row.state === "ACCEPTED" ? "accepted by the nation" : `approved at ${row.approved_level.toLowerCase()} ${row.approved_at}`;
        found.push({
          index: start + Number(row.index),
          field: null,
          message:
            `locked: ${row.data_set_name} (${row.data_set_code}) for area ${row.area_code}, period ${row.period} is ${where}; ` +
            `the stored value cannot change until an approver returns it`,
        });
      }
    }
    return found;
  }

  /** The area (this one or an ancestor, in the period's version `hierarchy`) whose approval locks a data set at `areaCode`, or null. */
  async lockedBy(dataSetCode: string, period: string, areaCode: string, hierarchy: string): Promise<string | null> {
    const rows = await this.db.query<{ code: string }>(
      `SELECT ap.area_code AS code FROM indicators.area a
       JOIN indicators.data_approval ap ON ap.data_set_code = $1 AND ap.period = $2
        AND ap.area_code IN (a.code, a.district_code, a.province_code, '${NATION_CODE}') AND ap.state IN ('APPROVED', 'ACCEPTED')
       JOIN indicators.area approver ON approver.hierarchy = a.hierarchy AND approver.code = ap.area_code
       WHERE a.hierarchy = $4 AND a.code = $3 ORDER BY approver.level DESC LIMIT 1`,
      [dataSetCode, period, areaCode, hierarchy],
    );
    return rows[0]?.code ?? null;
  }
}
