// The per-request context every subgraph starts from: who calls, the request's areas, and the database.
// Kept apart from subgraph.ts (which serves a subgraph) so the auth and federation helpers that read a
// context need not import the server.
import type { AreaDirectory } from "./areas/area-directory";
import type { AreaScope } from "./auth/area-scope";
import type { Identity } from "./auth/identity";
import type { Database } from "./database/client";
import type { IndicatorFeed } from "./feeds/indicator-feed";
import type { Logger } from "./logger";

/** Per-request context every subgraph starts from; each adds its own loaders. */
export interface ServiceContext {
  requestId: string;
  logger: Logger;
  db: Database;
  /** The verified caller: every request reaching a resolver has one. */
  identity: Identity;
  /** The area hierarchy as this request reads it (its versions read at most once); made once per request. */
  areas: AreaDirectory;
  /** The caller's assigned areas and everything beneath them, read in `areas`. */
  scope: AreaScope;
  /** Hands aggregates to the indicators subgraph (used by subgraphs that own raw records). */
  indicatorFeed: IndicatorFeed;
}
