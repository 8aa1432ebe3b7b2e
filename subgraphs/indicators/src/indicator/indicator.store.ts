// Data access for indicators.
import type { Database, IndicatorRecord } from "@vnge/shared";

/** An indicator row as the typed client returns it; the read path looks indicators up on the driver (decision 0116). */
const INDICATOR_COLUMNS = `code, name, name_vi AS "nameVi", description, numerator_element_code AS "numeratorElementCode",
  numerator_sex::text AS "numeratorSex", denominator_element_code AS "denominatorElementCode", denominator_sex::text AS "denominatorSex",
  factor, unit::text AS unit, decimals, better_direction::text AS "betterDirection", owner, retired_at AT TIME ZONE 'UTC' AS "retiredAt"`;

export class IndicatorStore {
  constructor(private readonly db: Database) {}

  findAll(includeRetired = false): Promise<IndicatorRecord[]> {
    return this.db.prisma.indicator.findMany({ where: includeRetired ? {} : { retiredAt: null }, orderBy: { code: "asc" } });
  }

  findByCodes(codes: readonly string[]): Promise<IndicatorRecord[]> {
    return this.db.query<IndicatorRecord>(`SELECT ${INDICATOR_COLUMNS} FROM indicators.indicator WHERE code = ANY($1::text[])`, [[...codes]]);
  }
}
