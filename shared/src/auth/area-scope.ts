// Area scope: a user's assigned areas and everything beneath them. The hierarchy is reference
// data owned by the indicators subgraph; scope checks read it through AreaHierarchy (docs/decisions/0005).
import DataLoader from "dataloader";
import type { Database } from "../database/client";
import { ForbiddenError } from "../errors";
import { AreaHierarchy, selfAndAncestors } from "../areas/area-hierarchy";
import { NATION_CODE } from "../areas/levels";

export class AreaScope {
  private readonly loader: DataLoader<string, boolean>;

  constructor(
    db: Database,
    readonly assigned: readonly string[],
  ) {
    this.loader = new DataLoader(async (codes) => {
      if (this.national) return codes.map(() => true);
      if (assigned.length === 0) return codes.map(() => false);
      // An area is in scope when it, or one of its ancestors, is assigned; unknown areas are not.
      const placements = await new AreaHierarchy(db).placements(codes);
      return codes.map((code) => {
        const placement = placements.get(code);
        return placement !== undefined && selfAndAncestors(placement).some((ancestor) => assigned.includes(ancestor));
      });
    });
  }

  get national(): boolean {
    return this.assigned.includes(NATION_CODE);
  }

  contains(code: string): Promise<boolean> {
    return this.loader.load(code);
  }

  /** The codes among `codes` that are outside the scope (one query for all of them). */
  async outside(codes: readonly string[]): Promise<string[]> {
    const unique = [...new Set(codes)];
    const inside = await this.loader.loadMany(unique);
    return unique.filter((_, i) => inside[i] !== true);
  }

  /** Throws FORBIDDEN naming the areas outside the scope; `action` says what was attempted. */
  async assertContains(codes: readonly string[], action: string): Promise<void> {
    const outside = await this.outside(codes);
    if (outside.length === 0) return;
    const shown = outside.slice(0, 10).join(", ") + (outside.length > 10 ? ` and ${outside.length - 10} more` : "");
    throw new ForbiddenError(`You may not ${action} for area${outside.length === 1 ? "" : "s"} ${shown}: outside your assigned areas`, {
      areaCodes: outside.slice(0, 100),
    });
  }
}
