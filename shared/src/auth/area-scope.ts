// Area scope: a user's assigned areas and everything beneath them. The hierarchy is reference
// data owned by the indicators subgraph; scope checks read it through AreaHierarchy (docs/decisions/0005).
import DataLoader from "dataloader";
import type { Database } from "../database/client";
import { ForbiddenError } from "../errors";
import { AreaHierarchy, selfAndAncestors } from "../areas/area-hierarchy";
import { NATION_CODE } from "../areas/levels";

/** Loader key: a code within a hierarchy version ("" for the version in force today). */
const scopeKey = (code: string, hierarchy?: string) => `${hierarchy ?? ""}\u0000${code}`;

export class AreaScope {
  private readonly loader: DataLoader<string, boolean>;

  /**
   * Assigned codes are read in the version of the data being reached: a user assigned "08" reaches the
   * province coded 08 in each version (decision 0060).
   */
  constructor(
    db: Database,
    readonly assigned: readonly string[],
  ) {
    this.loader = new DataLoader(async (keys) => {
      if (this.national) return keys.map(() => true);
      if (assigned.length === 0) return keys.map(() => false);
      // An area is in scope when it, or one of its ancestors, is assigned; unknown areas are not.
      const hierarchy = new AreaHierarchy(db);
      const byVersion = new Map<string, string[]>();
      for (const key of keys) {
        const [version, code] = key.split("\u0000");
        const codes = byVersion.get(version);
        if (codes) codes.push(code);
        else byVersion.set(version, [code]);
      }
      const inScope = new Set<string>();
      for (const [version, codes] of byVersion) {
        const placements = await hierarchy.placements(codes, version || undefined);
        for (const code of codes) {
          const placement = placements.get(code);
          if (placement !== undefined && selfAndAncestors(placement).some((ancestor) => assigned.includes(ancestor))) inScope.add(scopeKey(code, version || undefined));
        }
      }
      return keys.map((key) => inScope.has(key));
    });
  }

  get national(): boolean {
    return this.assigned.includes(NATION_CODE);
  }

  contains(code: string, hierarchy?: string): Promise<boolean> {
    return this.loader.load(scopeKey(code, hierarchy));
  }

  /** The codes among `codes` (of `hierarchy`, or the version in force today) that are outside the scope (one query for all of them). */
  async outside(codes: readonly string[], hierarchy?: string): Promise<string[]> {
    const unique = [...new Set(codes)];
    const inside = await this.loader.loadMany(unique.map((code) => scopeKey(code, hierarchy)));
    return unique.filter((_, i) => inside[i] !== true);
  }

  /** Throws FORBIDDEN naming the areas outside the scope; `action` says what was attempted. */
  async assertContains(codes: readonly string[], action: string, hierarchy?: string): Promise<void> {
    const outside = await this.outside(codes, hierarchy);
    if (outside.length === 0) return;
    const shown = outside.slice(0, 10).join(", ") + (outside.length > 10 ? ` and ${outside.length - 10} more` : "");
    throw new ForbiddenError(`You may not ${action} for area${outside.length === 1 ? "" : "s"} ${shown}: outside your assigned areas`, {
      areaCodes: outside.slice(0, 100),
    });
  }
}
