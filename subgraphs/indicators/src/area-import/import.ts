// Loads area rows into the indicators schema in one transaction, with set-based upserts:
// re-importing the same list changes no row, and a failure leaves the table as it was.
import type { PrismaClient } from "@vnge/shared";
import type { AreaRow } from "./unit-list";
import { levelDepth } from "@vnge/shared";
import { BASE_HIERARCHY } from "@vnge/shared";

export interface AreaImportSummary {
  inserted: number;
  updated: number;
  unchanged: number;
}

const CHUNK = 5_000;

/** What area writes need of a client or an open transaction. */
export type SqlRunner = Pick<PrismaClient, "$queryRawUnsafe" | "$executeRawUnsafe">;

/** Upserts the rows as areas of one hierarchy version (which must exist), in one transaction. */
export async function importAreas(prisma: PrismaClient, rows: AreaRow[], hierarchy: string = BASE_HIERARCHY): Promise<AreaImportSummary> {
  return prisma.$transaction((tx) => upsertAreas(tx, rows, hierarchy), { timeout: 120_000, maxWait: 30_000 });
}

/** The upserts of importAreas, inside the caller's transaction. */
export async function upsertAreas(tx: SqlRunner, rows: AreaRow[], hierarchy: string): Promise<AreaImportSummary> {
  // Parents before children, so the parent foreign key holds inside the transaction.
  const ordered = [...rows].sort((a, b) => levelDepth(a.level) - levelDepth(b.level));
  const summary: AreaImportSummary = { inserted: 0, updated: 0, unchanged: 0 };
  for (let start = 0; start < ordered.length; start += CHUNK) {
    const chunk = ordered.slice(start, start + CHUNK);
    const column = <K extends keyof AreaRow>(key: K) => chunk.map((row) => row[key]);
    const result = await tx.$queryRawUnsafe<{ inserted: boolean }[]>(
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
    );
    const inserted = result.filter((r) => r.inserted).length;
    summary.inserted += inserted;
    summary.updated += result.length - inserted;
    summary.unchanged += chunk.length - result.length;
  }
  return summary;
}
