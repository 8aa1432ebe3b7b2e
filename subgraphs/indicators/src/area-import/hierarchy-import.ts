// Imports a new hierarchy version with its mapping from the version before it, in one transaction:
// the version row, its areas, the published mapping edges and the crosswalk derived from them in both
// directions. Re-running it with the same files changes nothing; a failure leaves everything as it was.
import type { Database } from "@vnge/shared";
import { BadUserInputError } from "@vnge/shared";
import { AreaImportStore } from "./area-import.store";
import { buildCrosswalk, evenShares, type TreeArea } from "./crosswalk";
import { type AreaImportSummary, upsertAreas } from "./import";
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

/** Leaves of a tree: areas nothing lies beneath (communes, and districts without communes). */
const leavesOf = (tree: readonly TreeArea[]) => {
  const parents = new Set(tree.map((area) => area.parentCode));
  return new Set(tree.filter((area) => !parents.has(area.code)).map((area) => area.code));
};

async function registerVersion(store: AreaImportStore, version: HierarchyVersionInput): Promise<void> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(version.validFrom) || Number.isNaN(Date.parse(version.validFrom))) {
    throw new BadUserInputError(`valid-from "${version.validFrom}" must be a date (YYYY-MM-DD)`, { field: "validFrom" });
  }
  const versions = await store.versions();
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
  await store.saveVersion(version);
}

export async function importHierarchyVersion(db: Database, version: HierarchyVersionInput, reform: ParsedReform): Promise<HierarchyImportSummary> {
  return db.inPrismaTransaction(
    async (tx) => {
      const store = new AreaImportStore(tx);
      await registerVersion(store, version);
      const areas = await upsertAreas(tx, reform.areas, version.code);
      const oldTree = await store.tree(version.previous);
      const newTree = await store.tree(version.code);
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
      await store.replaceMappings(version.previous, version.code, edges);
      const forward = buildCrosswalk(evenShares(leafEdges), oldTree, newTree);
      const backward = buildCrosswalk(evenShares(leafEdges.map((edge) => ({ fromCode: edge.toCode, toCode: edge.fromCode }))), newTree, oldTree);
      await store.replaceCrosswalk(version.previous, version.code, forward);
      await store.replaceCrosswalk(version.code, version.previous, backward);
      await store.analyze();
      return { areas, mappings: edges.length, crosswalkRows: forward.length + backward.length, skippedCodes };
    },
    { timeoutMs: 300_000, maxWaitMs: 30_000 },
  );
}
