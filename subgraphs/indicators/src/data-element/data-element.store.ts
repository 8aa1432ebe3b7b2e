// Data access for data elements (the catalogue's reported figures).
import type { Database, DataElementRecord } from "@vnge/shared";

/** A data element row as the typed client returns it; the read path looks elements up on the driver (decision 0116). */
const DATA_ELEMENT_COLUMNS = `code, name, name_vi AS "nameVi", description, value_type::text AS "valueType", disaggregated_by_sex AS "disaggregatedBySex",
  collection_level::text AS "collectionLevel", collection_level_without_districts::text AS "collectionLevelWithoutDistricts",
  max_value AS "maxValue", confidential, owner, retired_at AT TIME ZONE 'UTC' AS "retiredAt"`;

export class DataElementStore {
  constructor(private readonly db: Database) {}

  findAll(includeRetired = false): Promise<DataElementRecord[]> {
    return this.db.prisma.dataElement.findMany({ where: includeRetired ? {} : { retiredAt: null }, orderBy: { code: "asc" } });
  }

  findByCodes(codes: readonly string[]): Promise<DataElementRecord[]> {
    return this.db.query<DataElementRecord>(`SELECT ${DATA_ELEMENT_COLUMNS} FROM indicators.data_element WHERE code = ANY($1::text[])`, [[...codes]]);
  }
}
