// Data access of the response cache (the `cache` schema; docs/decisions/0070-response-cache.md).
import type { Database } from "@vnge/shared";

/** The advisory lock writers hold shared until they commit (migration 20261201010000_response_cache). */
const WRITE_LOCK = 7070707070n;

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

export class ResponseCacheStore {
  constructor(private readonly db: Database) {}

  /**
   * The current answer, or else the generation to store a new one at and the generation at this
   * moment (one statement, as cheap to plan as a hit needs); while writes are in flight, also which
   * transactions they are (a second statement, decision 0072).
   */
  async lookup(key: string): Promise<CacheLookup> {
    const rows = await this.db.query<CacheLookup>(
      `SELECT hit.body, s.settled::text AS generation, CASE WHEN hit.body IS NULL THEN cache.current_generation()::text END AS current
         FROM (SELECT (SELECT body FROM cache.response WHERE key = $1 AND generation = cache.current_generation()) AS body) AS hit
         CROSS JOIN LATERAL (SELECT CASE WHEN hit.body IS NULL THEN cache.settled_generation() END AS settled) AS s`,
      [key],
    );
    const found = rows[0] ?? { body: null, generation: null };
    if (found.body !== null || found.generation !== null) return { ...found, writers: null };
    const [{ writers }] = await this.db.query<{ writers: string[] }>(
      `SELECT coalesce(array_agg(virtualtransaction::text), '{}') AS writers FROM pg_locks
        WHERE locktype = 'advisory' AND mode = 'ShareLock' AND granted
          AND classid = ${WRITE_LOCK >> 32n} AND objid = ${WRITE_LOCK & 0xffffffffn} AND objsubid = 1`,
    );
    return { ...found, writers };
  }

  /** Keeps the answer for `key`; an answer computed at an older generation never replaces a newer one. */
  async store(key: string, generation: string, body: string): Promise<void> {
    await this.db.prisma.$executeRawUnsafe(
      `INSERT INTO cache.response (key, generation, body, stored_at) VALUES ($1, $2::bigint, $3, now())
       ON CONFLICT (key) DO UPDATE SET generation = EXCLUDED.generation, body = EXCLUDED.body, stored_at = EXCLUDED.stored_at
        WHERE cache.response.generation <= EXCLUDED.generation`,
      key,
      generation,
      body,
    );
  }

  /** Removes answers of past generations stored before `before`; returns how many. */
  async prune(before: Date): Promise<number> {
    return this.db.prisma.$executeRawUnsafe(`DELETE FROM cache.response WHERE generation < cache.current_generation() AND stored_at < $1`, before);
  }
}
