// What became of areas across hierarchy versions, read from the reform's published mapping and the crosswalk
// the hierarchy import derives from it (indicators.area_mapping, indicators.area_crosswalk, decision 0060).
// Like AreaHierarchy it is a read of the indicators schema by subgraphs that do not own it, kept here so a
// later split can replace it with a replicated copy.
// - successorCommunes: the one commune of a later version a commune's records are counted in (decision 0078);
// - predecessorCommunes: the communes of an earlier version that went, wholly or in part, into each commune;
// - whollyInside: which areas of one version lie entirely inside given areas of another (decision 0079).
import type { Database } from "../database/client";

/** A share this close to 1 is whole (shares are stored as float8). */
const WHOLE = 1 - 1e-9;

export class AreaSuccession {
  constructor(private readonly db: Database) {}

  /**
   * For communes of version `from`, the commune of the next version `to` each became. A commune split
   * between several takes the successor with the largest share, the lowest code among equal shares (the
   * published mapping splits evenly, so in practice the lowest code). Communes the mapping leaves out are absent.
   */
  async successorCommunes(codes: readonly string[], from: string, to: string): Promise<Map<string, string>> {
    if (codes.length === 0 || from === to) return new Map(from === to ? codes.map((code) => [code, code]) : []);
    // The published mapping (indexed by its old unit) names the candidates; the crosswalk gives their shares.
    const rows = await this.db.query<{ from_code: string; to_code: string }>(
      `SELECT DISTINCT ON (m.from_code) m.from_code, m.to_code
         FROM indicators.area_mapping m
         JOIN indicators.area s ON s.hierarchy = m.from_hierarchy AND s.code = m.from_code AND s.level = 'COMMUNE'
         JOIN indicators.area t ON t.hierarchy = m.to_hierarchy AND t.code = m.to_code AND t.level = 'COMMUNE'
         LEFT JOIN indicators.area_crosswalk x
           ON x.to_hierarchy = m.to_hierarchy AND x.from_hierarchy = m.from_hierarchy AND x.to_code = m.to_code AND x.from_code = m.from_code
        WHERE m.from_hierarchy = $1 AND m.to_hierarchy = $2 AND m.from_code = ANY($3::text[])
        ORDER BY m.from_code, x.weight DESC NULLS LAST, m.to_code`,
      [from, to, [...new Set(codes)]],
    );
    return new Map(rows.map((row) => [row.from_code, row.to_code]));
  }

  /** For communes of version `to`, the communes of the earlier version `from` that went into each, wholly or in part. */
  async predecessorCommunes(codes: readonly string[], to: string, from: string): Promise<Map<string, string[]>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db.query<{ to_code: string; from_code: string }>(
      `SELECT m.to_code, m.from_code
         FROM indicators.area_mapping m
         JOIN indicators.area s ON s.hierarchy = m.from_hierarchy AND s.code = m.from_code AND s.level = 'COMMUNE'
         JOIN indicators.area t ON t.hierarchy = m.to_hierarchy AND t.code = m.to_code AND t.level = 'COMMUNE'
        WHERE m.to_hierarchy = $1 AND m.from_hierarchy = $2 AND m.to_code = ANY($3::text[])
        ORDER BY 1, 2`,
      [to, from, [...new Set(codes)]],
    );
    const result = new Map<string, string[]>();
    for (const row of rows) result.set(row.to_code, [...(result.get(row.to_code) ?? []), row.from_code]);
    return result;
  }

  /**
   * What the published mapping says became of one area of version `from` in the next version `to`: each
   * successor with the kind of the edge (FULL: the whole area went into it; PARTIAL: part of it did), and
   * the other areas of `from` that went into the same successors (a merge). Null when the mapping does not
   * name the area. Read for targets judged across a reform (decision 0099).
   */
  async mappingFrom(
    code: string,
    from: string,
    to: string,
  ): Promise<{ successors: { code: string; kind: "FULL" | "PARTIAL" }[]; mergedWith: string[] } | null> {
    const rows = await this.db.query<{ to_code: string; kind: "FULL" | "PARTIAL"; others: string[] }>(
      `SELECT m.to_code, m.kind::text AS kind,
              ARRAY(SELECT o.from_code FROM indicators.area_mapping o
                     WHERE o.from_hierarchy = m.from_hierarchy AND o.to_hierarchy = m.to_hierarchy AND o.to_code = m.to_code
                       AND o.from_code <> m.from_code ORDER BY o.from_code) AS others
         FROM indicators.area_mapping m
        WHERE m.from_hierarchy = $1 AND m.to_hierarchy = $2 AND m.from_code = $3
        ORDER BY m.to_code`,
      [from, to, code],
    );
    if (rows.length === 0) return null;
    return {
      successors: rows.map((row) => ({ code: row.to_code, kind: row.kind })),
      mergedWith: [...new Set(rows.flatMap((row) => row.others))].sort(),
    };
  }

  /**
   * The areas among `codes` (of version `of`) that lie wholly inside one of `containers` (areas of version
   * `in`): every unit they hold went entirely into it. Only versions with a crosswalk between them (one
   * reform apart) are compared; for others nothing is inside.
   */
  async whollyInside(codes: readonly string[], of: string, containers: readonly string[], inVersion: string): Promise<Set<string>> {
    if (codes.length === 0 || containers.length === 0) return new Set();
    const rows = await this.db.query<{ from_code: string }>(
      `SELECT DISTINCT from_code FROM indicators.area_crosswalk
        WHERE from_hierarchy = $1 AND to_hierarchy = $2 AND from_code = ANY($3::text[]) AND to_code = ANY($4::text[]) AND weight >= $5`,
      [of, inVersion, [...new Set(codes)], [...new Set(containers)], WHOLE],
    );
    return new Set(rows.map((row) => row.from_code));
  }
}
