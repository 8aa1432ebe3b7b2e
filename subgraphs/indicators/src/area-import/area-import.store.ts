// The statements of the area import: set-based upserts of areas, the hierarchy versions, the published
// mapping and the crosswalk. Run on a Database joined to the import's one transaction.
import type { Database } from "@vnge/shared";
import type { CrosswalkRow, TreeArea } from "./crosswalk";
import type { MappingEdge } from "./reform";
import type { AreaRow } from "./unit-list";

/** Rows per statement of the mapping and the crosswalk. */
const CHUNK = 10_000;

export class AreaImportStore {
  constructor(private readonly db: Database) {}

  /** Upserts the rows as areas of the version; one row back for each inserted or changed area. */
  upsert(rows: readonly AreaRow[], hierarchy: string): Promise<{ inserted: boolean }[]> {
    const column = <K extends keyof AreaRow>(key: K) => rows.map((row) => row[key]);
    return this.db.query<{ inserted: boolean }>(
      `INSERT INTO indicators.area
         (hierarchy, code, level, name, name_en, full_name, full_name_en, parent_code, province_code, district_code)
       SELECT $10, code, level::indicators."AreaLevel", name, name_en, full_name, full_name_en, parent_code, province_code, district_code
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
         AS t(code, level, name, name_en, full_name, full_name_en, parent_code, province_code, district_code)
       ON CONFLICT (hierarchy, code) DO UPDATE SET
         level = EXCLUDED.level, name = EXCLUDED.name, name_en = EXCLUDED.name_en,
         full_name = EXCLUDED.full_name, full_name_en = EXCLUDED.full_name_en,
         parent_code = EXCLUDED.parent_code, province_code = EXCLUDED.province_code,
         district_code = EXCLUDED.district_code
       WHERE (area.level, area.name, area.name_en, area.full_name, area.full_name_en,
              area.parent_code, area.province_code, area.district_code)
         IS DISTINCT FROM
             (EXCLUDED.level, EXCLUDED.name, EXCLUDED.name_en, EXCLUDED.full_name, EXCLUDED.full_name_en,
              EXCLUDED.parent_code, EXCLUDED.province_code, EXCLUDED.district_code)
       RETURNING (xmax = 0) AS inserted`,
      [
        column("code"),
        column("level"),
        column("name"),
        column("nameEn"),
        column("fullName"),
        column("fullNameEn"),
        column("parentCode"),
        column("provinceCode"),
        column("districtCode"),
        hierarchy,
      ],
    );
  }

  /** Every area of the version, as the crosswalk derivation reads them. */
  tree(hierarchy: string): Promise<TreeArea[]> {
    return this.db.query<TreeArea>(`SELECT code, level::text AS level, parent_code AS "parentCode" FROM indicators.area WHERE hierarchy = $1`, [hierarchy]);
  }

  /** Every hierarchy version, with the day it came into force (YYYY-MM-DD). */
  versions(): Promise<{ code: string; valid_from: string | null }[]> {
    return this.db.query<{ code: string; valid_from: string | null }>(`SELECT code, to_char(valid_from, 'YYYY-MM-DD') AS valid_from FROM indicators.hierarchy`);
  }

  /** Writes the version row (a re-import renames it or moves its first day). */
  async saveVersion(version: { code: string; name: string; validFrom: string }): Promise<void> {
    await this.db.execute(
      `INSERT INTO indicators.hierarchy (code, name, valid_from) VALUES ($1, $2, $3::date)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, valid_from = EXCLUDED.valid_from`,
      [version.code, version.name, version.validFrom],
    );
  }

  /** Replaces the published mapping edges from one version to the other. */
  async replaceMappings(fromHierarchy: string, toHierarchy: string, edges: readonly MappingEdge[]): Promise<void> {
    await this.db.execute(`DELETE FROM indicators.area_mapping WHERE from_hierarchy = $1 AND to_hierarchy = $2`, [fromHierarchy, toHierarchy]);
    for (let start = 0; start < edges.length; start += CHUNK) {
      const chunk = edges.slice(start, start + CHUNK);
      await this.db.execute(
        `INSERT INTO indicators.area_mapping (from_hierarchy, from_code, to_hierarchy, to_code, kind)
       SELECT $1, f, $2, t, k::indicators."AreaMappingKind" FROM unnest($3::text[], $4::text[], $5::text[]) AS x(f, t, k)`,
        [fromHierarchy, toHierarchy, chunk.map((edge) => edge.fromCode), chunk.map((edge) => edge.toCode), chunk.map((edge) => edge.kind)],
      );
    }
  }

  /** Replaces the crosswalk rows from one version to the other. */
  async replaceCrosswalk(fromHierarchy: string, toHierarchy: string, rows: readonly CrosswalkRow[]): Promise<void> {
    await this.db.execute(`DELETE FROM indicators.area_crosswalk WHERE from_hierarchy = $1 AND to_hierarchy = $2`, [fromHierarchy, toHierarchy]);
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      await this.db.execute(
        `INSERT INTO indicators.area_crosswalk (from_hierarchy, from_code, to_hierarchy, to_code, weight)
       SELECT $1, f, $2, t, w FROM unnest($3::text[], $4::text[], $5::float8[]) AS x(f, t, w)`,
        [fromHierarchy, toHierarchy, chunk.map((row) => row.fromCode), chunk.map((row) => row.toCode), chunk.map((row) => row.weight)],
      );
    }
  }

  /** Fresh planner statistics of the area tables, so the first reads across versions are planned on the real sizes. */
  async analyze(): Promise<void> {
    await this.db.execute(`ANALYZE indicators.area, indicators.area_crosswalk, indicators.area_mapping`);
  }
}
