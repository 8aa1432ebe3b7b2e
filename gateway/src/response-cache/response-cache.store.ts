// Data access of the response cache (the `cache` schema; docs/decisions/0070-response-cache.md, 0072).
import type { Database } from "@vnge/shared";

/** The transactions holding the writers' advisory lock, whose key the database names (migration 20261204090000). */
const WRITERS = "SELECT cache.data_writers() AS writers";

export interface CacheLookup {
  /** The cached answer (JSON of the response's data), current at this moment; null on a miss. */
  body: string | null;
  /** On a miss: the generation an answer computed from now on may be stored at; null while a write is in flight. */
  generation: string | null;
  /** On a miss: the data generation at this moment, settled or not. */
  current?: string | null;
  /** On a miss while a write is in flight: the transactions writing (none when settled). */
  writers?: string[] | null;
}

/** What the cache found for a request before Apollo Server took it (a miss): no second lookup is needed. */
export interface CacheProbe {
  key: string;
  lookup: CacheLookup;
}

/**
 * Whether every transaction writing when an answer was computed (`then`) is still writing (`now`): with the
 * generation unchanged, no write can have committed in between (decision 0072).
 */
export const stillWriting = (then: Iterable<string>, now: readonly string[]): boolean => {
  const writing = new Set(now);
  for (const writer of then) if (!writing.has(writer)) return false;
  return true;
};

/**
 * The budget is enforced each time a process has stored this share of it since it last did: the eviction
 * reads every row's size (about 20 ms for 12,000 answers), too much for every miss.
 */
const EVICTION_STEPS = 64;

export class ResponseCacheStore {
  /** Bytes this process stored since it last enforced the budget (the first store enforces it). */
  private storedSinceEviction = Number.POSITIVE_INFINITY;

  /** `maxBytes`: what keys and answers may take together; beyond it the oldest answers are evicted. */
  constructor(
    private readonly db: Database,
    private readonly maxBytes: number = Number.POSITIVE_INFINITY,
  ) {}

  /**
   * The current answer, or else the generation to store a new one at (null while a write is in flight) and
   * the generation at this moment, in one statement as cheap to plan as a hit needs; while writes are in
   * flight, also which transactions they are (a second statement), for sharing the computation (decision 0072).
   */
  async lookup(key: string): Promise<CacheLookup> {
    const [row] = await this.db.query<{ body: string | null; generation: string | null; current: string | null }>(
      `SELECT r.body,
              CASE WHEN r.body IS NULL THEN cache.settled_generation()::text END AS generation,
              CASE WHEN r.body IS NULL THEN cache.current_generation()::text END AS current
         FROM (SELECT 1) AS one
         LEFT JOIN cache.response r ON r.key = $1 AND r.generation = cache.current_generation()`,
      [key],
    );
    if (row.body !== null) return { body: row.body, generation: null };
    if (row.generation !== null) return { body: null, generation: row.generation, current: row.current, writers: null };
    const [{ writers }] = await this.db.query<{ writers: string[] }>(WRITERS);
    return { body: null, generation: null, current: row.current, writers };
  }

  /**
   * Keeps the answer for `key`, computed at the settled `generation` (no write was in flight when it began).
   * An older generation's answer never replaces a newer one's.
   */
  async store(key: string, generation: string, body: string): Promise<void> {
    await this.db.query(
      `INSERT INTO cache.response AS r (key, generation, body, stored_at) VALUES ($1, $2::bigint, $3, now())
       ON CONFLICT (key) DO UPDATE SET generation = EXCLUDED.generation, body = EXCLUDED.body, stored_at = EXCLUDED.stored_at
        WHERE r.generation <= EXCLUDED.generation`,
      [key, generation, body],
    );
    if (!Number.isFinite(this.maxBytes)) return;
    this.storedSinceEviction += key.length + body.length;
    if (this.storedSinceEviction < this.maxBytes / EVICTION_STEPS) return;
    this.storedSinceEviction = 0;
    await this.evict(this.maxBytes);
  }

  /**
   * Removes answers beyond `maxBytes`, past generations first, then the oldest stored; returns how many.
   * octet_length reads a stored value's size without reading the value.
   */
  async evict(maxBytes: number): Promise<number> {
    return this.db.execute(
      `DELETE FROM cache.response WHERE key IN (
         SELECT key FROM (
           SELECT key, sum(octet_length(key) + octet_length(body)) OVER (ORDER BY generation DESC, stored_at DESC, key) AS kept FROM cache.response
         ) AS ranked WHERE kept > $1::bigint)`,
      [String(maxBytes)],
    );
  }

  /** Removes answers of past generations stored before `before`; returns how many. */
  async prune(before: Date): Promise<number> {
    return this.db.execute(`DELETE FROM cache.response WHERE generation < cache.current_generation() AND stored_at < $1`, [before]);
  }
}
