// Rolls commune counts up the area tree into one table of cells, with the equations that tie the cells
// together (what a reader could subtract), so suppression can be decided on everything published at once.
import { type AreaPlacement, type Equation, NATION_CODE, selfAndAncestors } from "@vnge/shared";

/** Dimensions whose categories split the total: each case is in exactly one category of each. */
export const PARTITIONS = ["sex", "ageGroup", "form"] as const;
/** Dimensions and their categories; `service` counts cases given each service (a case may get several, or none). */
export type Dimension = (typeof PARTITIONS)[number] | "service";
export type Categories = Record<Dimension, readonly string[]>;

export const TOTAL = "total";
export const cellKey = (dimension: Dimension, category: string) => `${dimension}:${category}`;
export const cellName = (areaCode: string, key: string) => `${areaCode}|${key}`;

/** Counts of one commune's cases, keyed by TOTAL or cellKey(dimension, category). */
export interface CommuneCounts {
  areaCode: string;
  counts: ReadonlyMap<string, number>;
}

export interface StatisticsTable {
  values: Map<string, number>;
  equations: Equation[];
}

/**
 * `places` must hold every commune and each of its ancestors. Areas without cases are left out: their
 * counts are zeros, published as such, and add nothing to any sum.
 */
export function buildStatisticsTable(communes: readonly CommuneCounts[], places: ReadonlyMap<string, AreaPlacement>, categories: Categories): StatisticsTable {
  const keys = [TOTAL, ...(Object.keys(categories) as Dimension[]).flatMap((d) => categories[d].map((c) => cellKey(d, c)))];
  const values = new Map<string, number>();
  const areas = new Set<string>();
  for (const commune of communes) {
    const place = places.get(commune.areaCode);
    if (!place) continue;
    for (const area of selfAndAncestors(place)) {
      areas.add(area);
      for (const key of keys) {
        const name = cellName(area, key);
        values.set(name, (values.get(name) ?? 0) + (commune.counts.get(key) ?? 0));
      }
    }
  }

  const equations: Equation[] = [];
  const children = new Map<string, string[]>();
  for (const area of areas) {
    for (const dimension of PARTITIONS) {
      equations.push({ total: cellName(area, TOTAL), parts: categories[dimension].map((c) => cellName(area, cellKey(dimension, c))) });
    }
    const parent = parentOf(places.get(area), area);
    if (parent && areas.has(parent)) children.set(parent, [...(children.get(parent) ?? []), area]);
  }
  for (const [parent, kids] of children) {
    for (const key of keys) equations.push({ total: cellName(parent, key), parts: kids.map((kid) => cellName(kid, key)) });
  }
  return { values, equations };
}

function parentOf(place: AreaPlacement | undefined, code: string): string | null {
  if (code === NATION_CODE) return null;
  return place?.parentCode ?? NATION_CODE;
}
