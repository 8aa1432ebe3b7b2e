// Reads the case tallies the feed needs and keeps the pending marks (cases.case_feed_state).
import type { Database } from "@vnge/shared";
import type { FeedKey } from "../case-record/case-record.store";
import type { RecordWindow } from "../case-record/case-year";
import type { CaseTally } from "./case-feed.values";

/** A tally as PostgreSQL returns it: counts may come back as bigint. */
type TallyRow = Omit<CaseTally, "count"> & { count: number | bigint };

const TALLY = `
  SELECT r.area_code AS "areaCode", to_char(r.detected_on, 'YYYY') AS period,
         r.victim_sex::text AS "victimSex", r.perpetrator_sex::text AS "perpetratorSex",
         r.perpetrator_prosecuted AS "perpetratorProsecuted", r.perpetrator_counselled AS "perpetratorCounselled",
         r.form = 'TRAFFICKING' AS trafficking,
         EXISTS (SELECT 1 FROM cases.case_service s WHERE s.case_id = r.id) AS supported,
         count(*)::int AS count
    FROM cases.case_record r`;
const GROUP = ` GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;

export class CaseFeedStore {
  constructor(private readonly db: Database) {}

  /** Tallies of the records detected in the window's communes during the window, by detection year. */
  async tallies(window: RecordWindow): Promise<CaseTally[]> {
    if (window.areaCodes.length === 0) return [];
    const rows = await this.db.query<TallyRow>(
      `${TALLY} WHERE r.area_code = ANY($1::text[]) AND r.detected_on >= $2::date AND r.detected_on < $3::date${GROUP}`,
      [[...new Set(window.areaCodes)], window.from, window.to],
    );
    return rows.map((row) => ({ ...row, count: Number(row.count) }));
  }

  /** How many commune-years wait for a push to the indicators subgraph. */
  async pendingCount(): Promise<number> {
    const [row] = await this.db.query<{ pending: number }>(`SELECT count(*)::int AS pending FROM cases.case_feed_state WHERE pending`);
    return Number(row?.pending ?? 0);
  }

  /** Every commune-year that has ever had a case or a pending mark (`pendingOnly`: the pending ones). */
  async keys(pendingOnly: boolean): Promise<FeedKey[]> {
    const rows = await this.db.query<FeedKey>(
      pendingOnly
        ? `SELECT area_code AS "areaCode", period FROM cases.case_feed_state WHERE pending ORDER BY 1, 2`
        : `SELECT area_code AS "areaCode", period FROM cases.case_feed_state
           UNION SELECT DISTINCT area_code, to_char(detected_on, 'YYYY') FROM cases.case_record ORDER BY 1, 2`,
    );
    return rows;
  }

  /** Clears the pending marks, unless a write marked the key again after `since` (its own push follows). */
  async markPushed(keys: readonly FeedKey[], since: Date): Promise<void> {
    for (const key of keys) {
      await this.db.prisma.caseFeedState.upsert({
        where: { areaCode_period: key },
        create: { ...key, pending: false, lastPushedAt: new Date() },
        update: { lastPushedAt: new Date(), lastError: null },
      });
      await this.db.prisma.caseFeedState.updateMany({ where: { ...key, updatedAt: { lte: since } }, data: { pending: false } });
    }
  }

  async markFailed(keys: readonly FeedKey[], error: string): Promise<void> {
    await this.db.prisma.caseFeedState.updateMany({
      where: { OR: keys.map((key) => ({ areaCode: key.areaCode, period: key.period })) },
      data: { pending: true, lastError: error.slice(0, 1000) },
    });
  }
}
