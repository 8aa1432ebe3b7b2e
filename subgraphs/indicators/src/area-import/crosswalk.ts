// Derives, from the unit-to-unit mapping edges of a reform, how much of a value stored at any area of
// one version lands in each area of the other version (decision 0060). The unit of the mapping is the
// lowest unit of each tree (its leaves: communes, and districts without communes):
// - a leaf that went whole into one unit gives it everything (share 1); a leaf split between n units
//   gives each 1/n, as the published mappings carry no population shares;
// - a share reaches every ancestor of the receiving unit, so a split inside one province is still
//   whole at the province, and every area gives the nation exactly 1;
// - an area above the leaves gives what its mapped leaves give, averaged (each leaf counted once).
// Each source's shares over the areas of one level add up to 1: totals are kept in either direction.
import type { AreaLevelName } from "@vnge/shared";

export interface TreeArea {
  code: string;
  level: AreaLevelName;
  parentCode: string | null;
}

export interface CrosswalkRow {
  fromCode: string;
  toCode: string;
  /** (0, 1]: 1 when the source's value lands here whole. */
  weight: number;
}

/** Leaf-to-leaf shares: each source leaf's shares add up to 1. */
export type LeafShares = Map<string, Map<string, number>>;

const EXACT = 1e-9;
const tidy = (weight: number) => (Math.abs(weight - 1) < EXACT ? 1 : weight);

/** Splits each source leaf evenly among the units it maps to. `edges` go from source leaves to target leaves. */
export function evenShares(edges: readonly { fromCode: string; toCode: string }[]): LeafShares {
  const targets = new Map<string, Set<string>>();
  for (const edge of edges) targets.set(edge.fromCode, (targets.get(edge.fromCode) ?? new Set()).add(edge.toCode));
  const shares: LeafShares = new Map();
  for (const [from, to] of targets) shares.set(from, new Map([...to].map((code) => [code, 1 / to.size])));
  return shares;
}

/** Self and ancestors of every area of a tree. */
function lineage(tree: readonly TreeArea[]): Map<string, string[]> {
  const byCode = new Map(tree.map((area) => [area.code, area]));
  const result = new Map<string, string[]>();
  for (const area of tree) {
    const chain: string[] = [];
    for (let at: TreeArea | undefined = area; at; at = at.parentCode ? byCode.get(at.parentCode) : undefined) chain.push(at.code);
    result.set(area.code, chain);
  }
  return result;
}

/** Every (source area, target area, share) with a share above zero, for every level of both trees. */
export function buildCrosswalk(shares: LeafShares, source: readonly TreeArea[], target: readonly TreeArea[]): CrosswalkRow[] {
  const targetLineage = lineage(target);
  const sourceLineage = lineage(source);

  // Leaf to every target area at or above the receiving leaves.
  const leafWeights = new Map<string, Map<string, number>>();
  for (const [leaf, toLeaves] of shares) {
    const weights = new Map<string, number>();
    for (const [toLeaf, share] of toLeaves) {
      for (const toArea of targetLineage.get(toLeaf) ?? []) weights.set(toArea, (weights.get(toArea) ?? 0) + share);
    }
    leafWeights.set(leaf, weights);
  }

  // Every source area: the average over the mapped leaves at or beneath it.
  const sums = new Map<string, { leaves: number; weights: Map<string, number> }>();
  for (const [leaf, weights] of leafWeights) {
    for (const fromArea of sourceLineage.get(leaf) ?? [leaf]) {
      const entry = sums.get(fromArea) ?? { leaves: 0, weights: new Map<string, number>() };
      entry.leaves++;
      for (const [toArea, weight] of weights) entry.weights.set(toArea, (entry.weights.get(toArea) ?? 0) + weight);
      sums.set(fromArea, entry);
    }
  }
  const rows: CrosswalkRow[] = [];
  for (const [fromCode, { leaves, weights }] of sums) {
    for (const [toCode, weight] of weights) {
      const share = tidy(weight / leaves);
      if (share > EXACT) rows.push({ fromCode, toCode, weight: share });
    }
  }
  return rows;
}

/** True when a share means part of a value was apportioned rather than carried whole. */
export const isApportioned = (weight: number) => weight < 1 - EXACT;
