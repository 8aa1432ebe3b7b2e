// Data access of the response cache (the `cache` schema; docs/decisions/0070-response-cache.md).
import type { Database } from "@vnge/shared";

export interface CacheLookup {
  /** The cached answer (JSON of the response's data), current at this moment; null on a miss. */
  body: string | null;
  /** On a miss: the generation an answer computed from now on may be stored at; null while a write is in flight. */
  generation: string | null;
}

export class ResponseCacheStore {
  constructor(private readonly db: Database) {}

  /** One statement: the current answer, or else the generation to store a new one at. */
  async lookup(key: string): Promise<CacheLookup> {
    const rows = await this.db.query<{ body: string | null; generation: string | null }>(
      `SELECT hit.body, CASE WHEN hit.body IS NULL THEN cache.settled_generation()::text END AS generation
         FROM (SELECT (SELECT body FROM cache.response WHERE key = $1 AND generation = cache.current_generation()) AS body) AS hit`,
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
