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
   * One statement: the current answer, or else the generation to store a new one at, the generation at
   * this moment and, while writes are in flight, which transactions they are (decision 0072).
   */
  async lookup(key: string): Promise<CacheLookup> {
    const rows = await this.db.query<CacheLookup>(
      `SELECT hit.body, s.settled::text AS generation,
              CASE WHEN hit.body IS NULL THEN cache.current_generation()::text END AS current,
              CASE WHEN hit.body IS NULL AND s.settled IS NULL THEN
                (SELECT coalesce(array_agg(virtualtransaction::text), '{}') FROM pg_locks
                  WHERE locktype = 'advisory' AND mode = 'ShareLock' AND granted
                    AND classid = ${WRITE_LOCK >> 32n} AND objid = ${WRITE_LOCK & 0xffffffffn} AND objsubid = 1)
              END AS writers
         FROM (SELECT (SELECT body FROM cache.response WHERE key = $1 AND generation = cache.current_generation()) AS body) AS hit
         CROSS JOIN LATERAL (SELECT CASE WHEN hit.body IS NULL THEN cache.settled_generation() END AS settled) AS s`,
      [key],
    );
    return rows[0] ?? { body: null, generation: null };
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
