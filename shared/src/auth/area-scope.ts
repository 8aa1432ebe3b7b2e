// Area scope: a user's assigned areas and everything beneath them. The hierarchy is reference
// data owned by the indicators subgraph; scope checks read its ancestor columns (docs/decisions/0005).
import DataLoader from "dataloader";
import type { Database } from "../database/client";
import { ForbiddenError } from "../errors";
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
      const rows = await db.prisma.$queryRawUnsafe<{ code: string }[]>(
        `SELECT code FROM indicators.area
          WHERE code = ANY($1::text[])
            AND (code = ANY($2::text[]) OR parent_code = ANY($2::text[])
                 OR province_code = ANY($2::text[]) OR district_code = ANY($2::text[]))`,
        [...codes],
        [...assigned],
      );
      const inside = new Set(rows.map((row) => row.code));
      return codes.map((code) => inside.has(code));
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
