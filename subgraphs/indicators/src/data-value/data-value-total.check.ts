// The operators' check of the running totals (npm run totals:check): every period with values is read in the
// hierarchy version its values are stored against, then the store compares (or rebuilds) the totals.
import { AreaDirectory, type Database } from "@vnge/shared";
import { DataValueTotalStore, type PeriodVersion, type TotalDifference } from "./data-value-total.store";

export interface TotalsCheckResult {
  differences: number;
  /** The first differences, in key order. */
  listed: TotalDifference[];
}

async function periodVersions(db: Database, store: DataValueTotalStore): Promise<PeriodVersion[]> {
  const timeline = await new AreaDirectory(db).timeline();
  return (await store.periods()).map((period) => ({ period, hierarchy: timeline.forPeriod(period).code }));
}

export async function checkTotals(db: Database, options: { limit?: number } = {}): Promise<TotalsCheckResult> {
  const store = new DataValueTotalStore(db);
  const { count, listed } = await store.differences(await periodVersions(db, store), options.limit);
  return { differences: count, listed };
}

/** Rebuilds every total from the stored values; returns how many total rows it wrote. */
export async function rebuildTotals(db: Database): Promise<number> {
  const store = new DataValueTotalStore(db);
  return store.rebuild(await periodVersions(db, store));
}
