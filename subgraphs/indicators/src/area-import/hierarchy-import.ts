// Imports a new hierarchy version with its mapping from the version before it, in one transaction:
// the version row, its areas, the published mapping edges and the crosswalk derived from them in both
// directions. Re-running it with the same files changes nothing; a failure leaves everything as it was.
import type { PrismaClient } from "@vnge/shared";
import { BadUserInputError } from "@vnge/shared";
import { buildCrosswalk, type CrosswalkRow, evenShares, type TreeArea } from "./crosswalk";
import { type AreaImportSummary, type SqlRunner, upsertAreas } from "./import";
import type { AreaLevelName } from "@vnge/shared";
import type { MappingEdge, ParsedReform } from "./reform";

export interface HierarchyVersionInput {
  code: string;
  name: string;
  /** YYYY-MM-DD: the first day the version is in force. */
  validFrom: string;
  /** The version the mapping starts from. */
  previous: string;
}

export interface HierarchyImportSummary {
  areas: AreaImportSummary;
  mappings: number;
  crosswalkRows: number;
  /** Old codes of the mapping that are not areas of the previous version (their edges are left out). */
  skippedCodes: string[];
}

const CHUNK = 10_000;

async function treeOf(tx: SqlRunner, hierarchy: string): Promise<TreeArea[]> {
  return tx.$queryRawUnsafe<TreeArea[]>(`SELECT code, level::text AS level, parent_code AS "parentCode" FROM indicators.area WHERE hierarchy = $1`, hierarchy);
}

/** Leaves of a tree: areas nothing lies beneath (communes, and districts without communes). */
const leavesOf = (tree: readonly TreeArea[]) => {
  const parents = new Set(tree.map((area) => area.parentCode));
  return new Set(tree.filter((area) => !parents.has(area.code)).map((area) => area.code));
};

async function writeCrosswalk(tx: SqlRunner, fromHierarchy: string, toHierarchy: string, rows: readonly CrosswalkRow[]): Promise<void> {
  await tx.$executeRawUnsafe(`DELETE FROM indicators.area_crosswalk WHERE from_hierarchy = $1 AND to_hierarchy = $2`, fromHierarchy, toHierarchy);
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    await tx.$executeRawUnsafe(
      `INSERT INTO indicators.area_crosswalk (from_hierarchy, from_code, to_hierarchy, to_code, weight)
       SELECT $1, f, $2, t, w FROM unnest($3::text[], $4::text[], $5::float8[]) AS x(f, t, w)`,
      fromHierarchy,
      toHierarchy,
      chunk.map((row) => row.fromCode),
      chunk.map((row) => row.toCode),
      chunk.map((row) => row.weight),
    );
  }
}

async function writeMappings(tx: SqlRunner, version: HierarchyVersionInput, edges: readonly MappingEdge[]): Promise<void> {
  await tx.$executeRawUnsafe(`DELETE FROM indicators.area_mapping WHERE from_hierarchy = $1 AND to_hierarchy = $2`, version.previous, version.code);
  for (let start = 0; start < edges.length; start += CHUNK) {
    const chunk = edges.slice(start, start + CHUNK);
    await tx.$executeRawUnsafe(
      `INSERT INTO indicators.area_mapping (from_hierarchy, from_code, to_hierarchy, to_code, kind)
       SELECT $1, f, $2, t, k::indicators."AreaMappingKind" FROM unnest($3::text[], $4::text[], $5::text[]) AS x(f, t, k)`,
      version.previous,
      version.code,
      chunk.map((edge) => edge.fromCode),
      chunk.map((edge) => edge.toCode),
      chunk.map((edge) => edge.kind),
    );
  }
}

async function registerVersion(tx: SqlRunner, version: HierarchyVersionInput): Promise<void> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(version.validFrom) || Number.isNaN(Date.parse(version.validFrom))) {
    throw new BadUserInputError(`valid-from "${version.validFrom}" must be a date (YYYY-MM-DD)`, { field: "validFrom" });
  }
  const versions = await tx.$queryRawUnsafe<{ code: string; valid_from: string | null }[]>(
    `SELECT code, to_char(valid_from, 'YYYY-MM-DD') AS valid_from FROM indicators.hierarchy`,
  );
  const previous = versions.find((v) => v.code === version.previous);
  if (!previous) throw new BadUserInputError(`the previous version "${version.previous}" does not exist; known: ${versions.map((v) => v.code).join(", ")}`);
  if (version.code === version.previous) throw new BadUserInputError(`a version cannot map from itself ("${version.code}")`);
  if (previous.valid_from !== null && previous.valid_from >= version.validFrom) {
    throw new BadUserInputError(`version ${version.code} must start after ${version.previous} (in force from ${previous.valid_from})`);
  }
  const sameDay = versions.find((v) => v.valid_from === version.validFrom && v.code !== version.code);
  if (sameDay) throw new BadUserInputError(`version ${sameDay.code} already starts on ${version.validFrom}`);
  const later = versions.find((v) => v.valid_from !== null && v.valid_from > version.validFrom && v.code !== version.code);
  if (later) throw new BadUserInputError(`version ${later.code} starts later (${later.valid_from}); import versions in time order`);
  await tx.$executeRawUnsafe(
    `INSERT INTO indicators.hierarchy (code, name, valid_from) VALUES ($1, $2, $3::date)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, valid_from = EXCLUDED.valid_from`,
    version.code,
    version.name,
    version.validFrom,
  );
}

export async function importHierarchyVersion(prisma: PrismaClient, version: HierarchyVersionInput, reform: ParsedReform): Promise<HierarchyImportSummary> {
  return prisma.$transaction(
    async (tx) => {
      await registerVersion(tx, version);
      const areas = await upsertAreas(tx, reform.areas, version.code);
      const oldTree = await treeOf(tx, version.previous);
      const newTree = await treeOf(tx, version.code);
      const oldCodes = new Map(oldTree.map((area) => [area.code, area.level as AreaLevelName]));
      const known = (edge: MappingEdge) => oldCodes.has(edge.fromCode);
      const skippedCodes = [...new Set([...reform.leafEdges, ...reform.provinceEdges].filter((edge) => !known(edge)).map((edge) => edge.fromCode))].sort();
      const leafEdges = reform.leafEdges.filter(known);
      const oldLeaves = leavesOf(oldTree);
      const notLeaves = leafEdges.filter((edge) => !oldLeaves.has(edge.fromCode)).map((edge) => edge.fromCode);
      if (notLeaves.length > 0) {
        throw new BadUserInputError(
          `the mapping starts from units that have units beneath them in ${version.previous}: ${[...new Set(notLeaves)].slice(0, 10).join(", ")}`,
        );
      }
      const edges = [...reform.provinceEdges.filter(known), ...leafEdges];
      await writeMappings(tx, version, edges);
      const forward = buildCrosswalk(evenShares(leafEdges), oldTree, newTree);
      const backward = buildCrosswalk(evenShares(leafEdges.map((edge) => ({ fromCode: edge.toCode, toCode: edge.fromCode }))), newTree, oldTree);
      await writeCrosswalk(tx, version.previous, version.code, forward);
      await writeCrosswalk(tx, version.code, version.previous, backward);
      // Fresh statistics, so the first reads across versions are planned on the real sizes.
      await tx.$executeRawUnsafe(`ANALYZE indicators.area, indicators.area_crosswalk, indicators.area_mapping`);
      return { areas, mappings: edges.length, crosswalkRows: forward.length + backward.length, skippedCodes };
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}
