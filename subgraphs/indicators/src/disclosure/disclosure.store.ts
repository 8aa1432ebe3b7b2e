// What the disclosure rule reads: the approvals that publish data to partners, and the stored values of
// confidential data elements over the whole country, from which the suppressed cells are decided.
import type { AreaPlacement, Database, FigureSex, FigureValue } from "@vnge/shared";

export const approvalKey = (element: string, period: string, area: string) => `${element}|${period}|${area}`;

export interface Approvals {
  /** Elements some data set governs: only those wait for an approval. */
  governed: Set<string>;
  /** approvalKey(element, period, area) where a governing data set is approved or accepted. */
  approved: Set<string>;
}

export interface ConfidentialValues {
  values: (FigureValue & { period: string })[];
  /** Where each area holding a value, and each of its ancestors, sits in the version. */
  places: Map<string, AreaPlacement>;
}

export class DisclosureStore {
  constructor(private readonly db: Database) {}

  /** Which of the elements a data set governs, and where each is approved (or accepted) for each period, among the areas. */
  async approvals(elementCodes: readonly string[], periods: readonly string[], areaCodes: readonly string[]): Promise<Approvals> {
    const rows = await this.db.query<{ element: string; period: string | null; area: string | null }>(
      `SELECT DISTINCT e.data_element_code AS element, a.period, a.area_code AS area
         FROM indicators.data_set_element e
         LEFT JOIN indicators.data_approval a
           ON a.data_set_code = e.data_set_code AND a.state IN ('APPROVED', 'ACCEPTED')
          AND a.period = ANY($2::text[]) AND a.area_code = ANY($3::text[])
        WHERE e.data_element_code = ANY($1::text[])`,
      [[...elementCodes], [...periods], [...areaCodes]],
    );
    const governed = new Set(rows.map((row) => row.element));
    const approved = new Set(rows.filter((row) => row.area !== null).map((row) => approvalKey(row.element, row.period!, row.area!)));
    return { governed, approved };
  }

  /** Every stored value of the confidential elements for the periods, with the places of their areas and ancestors in `hierarchy`. */
  async confidentialValues(periods: readonly string[], hierarchy: string): Promise<ConfidentialValues> {
    const rows = await this.db.query<{ element: string; period: string; area_code: string; sex: FigureSex; value: number | string }>(
      `SELECT dv.data_element_code AS element, dv.period, dv.area_code, dv.sex::text AS sex, dv.value
         FROM indicators.data_value dv
         JOIN indicators.data_element e ON e.code = dv.data_element_code AND e.confidential
        WHERE dv.period = ANY($1::text[])`,
      [[...periods]],
    );
    const codes = [...new Set(rows.map((row) => row.area_code))];
    const placeRows = await this.db.query<AreaPlacement & { level: AreaPlacement["level"] }>(
      `WITH held AS (SELECT code, level::text AS level, parent_code, province_code, district_code
                       FROM indicators.area WHERE hierarchy = $2 AND code = ANY($1::text[]))
       SELECT code, level, parent_code AS "parentCode", province_code AS "provinceCode", district_code AS "districtCode" FROM held
       UNION
       SELECT a.code, a.level::text, a.parent_code, a.province_code, a.district_code
         FROM indicators.area a JOIN held h ON a.hierarchy = $2 AND a.code IN (h.parent_code, h.province_code, h.district_code)`,
      [codes, hierarchy],
    );
    const places = new Map(placeRows.map((row) => [row.code, row]));
    return {
      values: rows.map((row) => ({ element: row.element, period: row.period, areaCode: row.area_code, sex: row.sex, value: Number(row.value) })),
      places,
    };
  }
}
