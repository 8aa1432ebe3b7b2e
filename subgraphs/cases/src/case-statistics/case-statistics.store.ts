// Counts of case records per commune for a stretch of days: the only figures statistics are built from.
import type { Database } from "@vnge/shared";
import { TOTAL, cellKey, type CommuneCounts } from "./statistics-table";

interface CountRow {
  areaCode: string;
  dimension: string;
  category: string;
  count: number | bigint;
}

export class CaseStatisticsStore {
  constructor(private readonly db: Database) {}

  /** Counts per stored commune code of the records detected in [from, to) (YYYY-MM-DD). */
  async communeCounts(from: string, to: string): Promise<CommuneCounts[]> {
    const rows = await this.db.query<CountRow>(
      `WITH r AS (SELECT * FROM cases.case_record WHERE detected_on >= $1::date AND detected_on < $2::date)
       SELECT area_code AS "areaCode", 'total' AS dimension, '' AS category, count(*)::int AS count FROM r GROUP BY 1
       UNION ALL SELECT area_code, 'sex', victim_sex::text, count(*)::int FROM r GROUP BY 1, 3
       UNION ALL SELECT area_code, 'ageGroup', victim_age_group::text, count(*)::int FROM r GROUP BY 1, 3
       UNION ALL SELECT area_code, 'form', form::text, count(*)::int FROM r GROUP BY 1, 3
       UNION ALL SELECT r.area_code, 'service', s.service::text, count(DISTINCT r.id)::int
                   FROM r JOIN cases.case_service s ON s.case_id = r.id GROUP BY 1, 3`,
      [from, to],
    );
    const byCommune = new Map<string, Map<string, number>>();
    for (const row of rows) {
      const counts = byCommune.get(row.areaCode) ?? new Map<string, number>();
      byCommune.set(row.areaCode, counts);
      counts.set(row.dimension === TOTAL ? TOTAL : cellKey(row.dimension as never, row.category), Number(row.count));
    }
    return [...byCommune].map(([areaCode, counts]) => ({ areaCode, counts }));
  }
}
