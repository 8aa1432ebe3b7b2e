// Identical queries that miss the cache at the same moment are computed once per gateway process:
// the first computes, the others wait for its answer, when that is as fresh as their own would be
// (docs/decisions/0072-answers-in-flight.md). Nothing here outlives the requests.
import { type CacheLookup, stillWriting } from "./response-cache.store";

/** A follower waits no longer than this for the answer it joined; then it computes its own. */
export const MAX_WAIT_MS = 10_000;

interface Computation {
  /** The data generation when the computing request looked the cache up. */
  generation: string;
  /** The writing transactions in flight at that moment (none when settled). */
  writers: ReadonlySet<string>;
  answer: Promise<string | null>;
}

export interface Leader {
  /** Hands the answer (JSON of the response's data), or null when it has none to share, to every follower. */
  settle(body: string | null): void;
}

export class AnswersInFlight {
  private readonly computing = new Map<string, Computation>();

  /**
   * An answer already being computed that `lookup` (this request's miss) may take: no write has
   * committed since that computation looked the cache up, because the generation has not moved (every
   * write statement moves it) and every writer then in flight still is.
   */
  joinable(key: string, lookup: CacheLookup): Promise<string | null> | null {
    const running = this.computing.get(key);
    if (!running || lookup.current == null || running.generation !== lookup.current) return null;
    if (!stillWriting(running.writers, lookup.writers ?? [])) return null;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), MAX_WAIT_MS)));
    return Promise.race([running.answer, timeout]).finally(() => clearTimeout(timer));
  }

  /** Registers this request as computing `key`; it must settle, whatever happens to it. */
  lead(key: string, lookup: CacheLookup): Leader | null {
    if (lookup.current == null) return null;
    let settle!: (body: string | null) => void;
    const computation: Computation = {
      generation: lookup.current,
      writers: new Set(lookup.writers ?? []),
      answer: new Promise<string | null>((resolve) => (settle = resolve)),
    };
    this.computing.set(key, computation);
    return {
      settle: (body) => {
        if (this.computing.get(key) === computation) this.computing.delete(key);
        settle(body);
      },
    };
  }

  get size(): number {
    return this.computing.size;
  }
}
