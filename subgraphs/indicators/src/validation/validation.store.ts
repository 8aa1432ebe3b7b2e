// Reads the stored values validation rules look at: one data set's elements, at an area and beneath it.
import { type Database, type DataValueSex, NATION_CODE } from "@vnge/shared";
import type { StoredPoint } from "./validation-rule";

export class ValidationStore {
  constructor(private readonly db: Database) {}

  /** Values of periods whose data belong to version `hierarchy`, at the area of that version and beneath it. */
  async values(elementCodes: readonly string[], areaCode: string, periods: readonly string[], hierarchy: string): Promise<StoredPoint[]> {
    if (elementCodes.length === 0 || periods.length === 0) return [];
    const rows = await this.db.query<{ data_element_code: string; area_code: string; period: string; sex: string; value: number }>(
      `SELECT dv.data_element_code, dv.area_code, dv.period, dv.sex::text AS sex, dv.value
       FROM indicators.data_value dv JOIN indicators.area a ON a.hierarchy = $4 AND a.code = dv.area_code
       WHERE dv.data_element_code = ANY($1::text[]) AND dv.period = ANY($2::text[])
         AND ($3 = '${NATION_CODE}' OR a.code = $3 OR a.parent_code = $3 OR a.district_code = $3 OR a.province_code = $3)`,
      [[...elementCodes], [...periods], areaCode, hierarchy],
    );
    return rows.map((r) => ({
      dataElementCode: r.data_element_code,
      areaCode: r.area_code,
      period: r.period,
      sex: r.sex as DataValueSex,
      value: Number(r.value),
    }));
  }
}
