// Areas beneath an area, read from the ancestor columns of indicators.area: the same sanctioned read
// across a schema boundary as AreaScope (docs/decisions/0005), for subgraphs that list their own
// records beneath an area (e.g. the plans subgraph's off-track targets).
import type { Database } from "../database/client";
import { type AreaLevelName, NATION_CODE } from "./levels";

export interface AreaBeneath {
  code: string;
  level: AreaLevelName;
}

/**
 * The area `parentCode` and every area beneath it, optionally only those at `level`.
 * Null when `parentCode` is not a known area.
 */
export async function areasWithin(db: Database, parentCode: string, level?: AreaLevelName): Promise<AreaBeneath[] | null> {
  const parent = await db.prisma.$queryRawUnsafe<AreaBeneath[]>(`SELECT code, level::text AS level FROM indicators.area WHERE code = $1`, parentCode);
  if (parent.length === 0) return null;
  const rows = await db.prisma.$queryRawUnsafe<AreaBeneath[]>(
    `SELECT code, level::text AS level FROM indicators.area
      WHERE ($1::text = $3::text OR code = $1 OR parent_code = $1 OR province_code = $1 OR district_code = $1)
        AND ($2::text IS NULL OR level::text = $2::text)
      ORDER BY code`,
    parentCode,
    level ?? null,
    NATION_CODE,
  );
  return rows;
}
