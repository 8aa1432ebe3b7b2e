// Loads area rows into the indicators schema in one transaction, with set-based upserts:
// re-importing the same list changes no row, and a failure leaves the table as it was.
import type { Database } from "@vnge/shared";
import { AreaImportStore } from "./area-import.store";
import type { AreaRow } from "./unit-list";
import { levelDepth } from "@vnge/shared";
import { BASE_HIERARCHY } from "@vnge/shared";

export interface AreaImportSummary {
  inserted: number;
  updated: number;
  unchanged: number;
}

const CHUNK = 5_000;

/** Upserts the rows as areas of one hierarchy version (which must exist), in one transaction. */
export async function importAreas(db: Database, rows: AreaRow[], hierarchy: string = BASE_HIERARCHY): Promise<AreaImportSummary> {
  return db.inPrismaTransaction((tx) => upsertAreas(tx, rows, hierarchy), { timeoutMs: 120_000, maxWaitMs: 30_000 });
}

/** The upserts of importAreas, inside the caller's transaction (`tx`: a Database joined to it). */
export async function upsertAreas(tx: Database, rows: AreaRow[], hierarchy: string): Promise<AreaImportSummary> {
  const store = new AreaImportStore(tx);
  // Parents before children, so the parent foreign key holds inside the transaction.
  const ordered = [...rows].sort((a, b) => levelDepth(a.level) - levelDepth(b.level));
  const summary: AreaImportSummary = { inserted: 0, updated: 0, unchanged: 0 };
  for (let start = 0; start < ordered.length; start += CHUNK) {
    const chunk = ordered.slice(start, start + CHUNK);
    const result = await store.upsert(chunk, hierarchy);
    const inserted = result.filter((r) => r.inserted).length;
    summary.inserted += inserted;
    summary.updated += result.length - inserted;
    summary.unchanged += chunk.length - result.length;
  }
  return summary;
}
