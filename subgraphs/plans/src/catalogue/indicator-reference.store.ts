// Read-only access to the indicator catalogue for subgraphs that do not own it (the plans subgraph checks the
// codes its targets name): per active indicator, only what reading a target needs. It reads a few columns of
// indicators.indicator and indicators.data_element, a read across a schema boundary like the area hierarchy's
// (docs/decisions/0005, 0087), in one store so a later split can swap it for a replicated copy.
import type { Database } from "@vnge/shared";

export interface IndicatorReference {
  code: string;
  /** Multiplier of the indicator's ratio: 100 for a percentage or per 100 girls, 100000 per 100,000. */
  factor: number;
  unit: string;
  /** Whether the indicator has male and female values (a sex-specific target needs them). */
  splitBySex: boolean;
  /** VN, or the area owning a local indicator: targets for it only at or beneath that area. */
  owner: string;
}

/** Every active (not retired) indicator of the catalogue, by code. */
export async function readIndicatorReferences(db: Database): Promise<Map<string, IndicatorReference>> {
  const rows = await db.query<IndicatorReference>(
    `SELECT i.code, i.factor, i.unit::text AS unit, i.owner,
            (n.disaggregated_by_sex AND i.numerator_sex IS NULL
             AND (i.denominator_element_code IS NULL OR (d.disaggregated_by_sex AND i.denominator_sex IS NULL))) AS "splitBySex"
       FROM indicators.indicator i
       JOIN indicators.data_element n ON n.code = i.numerator_element_code
       LEFT JOIN indicators.data_element d ON d.code = i.denominator_element_code
      WHERE i.retired_at IS NULL`,
  );
  return new Map(rows.map((row) => [row.code, { ...row, factor: Number(row.factor), splitBySex: row.splitBySex === true }]));
}
