// Keeps the planner's statistics of the value tables current after large writes. Until a table
// is analyzed, PostgreSQL plans its joins on stale row counts: after a bulk ingest the write
// statement's joins against data_value and the rollup's read of data_value_total then choose
// plans that scan far more than they need, and each batch gets slower than the last. Autovacuum
// corrects this only on its own schedule (and not at all where it is switched off), so the write
// path analyzes a table itself once a tenth of it has changed since its last analysis.
import type { Database } from "@vnge/shared";

/** Tables the write statement changes and the rollup reads. */
const TABLES = ["data_value", "data_value_total"] as const;
/** Writes smaller than this never trigger the check (a form's few values). */
export const MIN_ROWS_CHECKED = 1_000;
/** Share of a table changed since its last analysis that makes its statistics stale. */
const STALE_SHARE = 0.1;
/** One analysis at a time across every process of the fleet; others skip it rather than wait. */
const ANALYZE_LOCK = "indicators.planner-statistics";

interface TableActivity {
  table: string;
  changed: number;
  rows: number;
}

export class PlannerStatistics {
  constructor(private readonly db: Database) {}

  /** Analyzes the value tables whose statistics a write of `rowsWritten` rows may have made stale. */
  async refreshAfterWrite(rowsWritten: number): Promise<string[]> {
    if (rowsWritten < MIN_ROWS_CHECKED) return [];
    const stale = (await this.activity()).filter((t) => t.changed >= Math.max(MIN_ROWS_CHECKED, STALE_SHARE * t.rows)).map((t) => t.table);
    if (stale.length === 0) return [];
    const statements = stale.map((table) => `ANALYZE indicators.${table};`).join(" ");
    await this.db.withSession((session) =>
      session.exec(`DO $$ BEGIN IF pg_try_advisory_xact_lock(hashtext('${ANALYZE_LOCK}')) THEN ${statements} END IF; END $$;`),
    );
    return stale;
  }

  private async activity(): Promise<TableActivity[]> {
    const rows = await this.db.withSession((session) =>
      session.query<{ table: string; changed: string; rows: string }>(
        `SELECT relname AS table, n_mod_since_analyze AS changed, greatest(n_live_tup, 0) AS rows
           FROM pg_stat_user_tables WHERE schemaname = 'indicators' AND relname = ANY($1::text[])`,
        [[...TABLES]],
      ),
    );
    return rows.map((row) => ({ table: row.table, changed: Number(row.changed), rows: Number(row.rows) }));
  }
}
