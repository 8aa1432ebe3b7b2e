// Serves a query's answer from the shared response cache when the data it was computed from has not
// changed since, and stores every complete answer of a cacheable query computed while no write was in
// flight. Lives in PostgreSQL, so every copy of the gateway shares it (docs/decisions/0070).
import type { ApolloServerPlugin } from "@apollo/server";
import type { Logger } from "@vnge/shared";
import type { GatewayContext } from "../context";
import { cacheKey } from "./cache-key";
import { isCacheable } from "./cacheable-operation";
import type { ResponseCacheStore } from "./response-cache.store";

export const CACHE_STATUS_HEADER = "x-response-cache";
/** Answers larger than this are not kept (a cache row is read whole on every hit). */
export const MAX_CACHED_BYTES = 4 * 1024 * 1024;
const PRUNE_EVERY_MS = 5 * 60_000;
const KEEP_STALE_MS = 10 * 60_000;

export interface ResponseCacheOptions {
  store: ResponseCacheStore;
  /** "Type.field" coordinates whose answers are never cached (fieldsOnlyFrom the supergraph). */
  neverCached: ReadonlySet<string>;
  logger: Logger;
}

export function responseCachePlugin({ store, neverCached, logger }: ResponseCacheOptions): ApolloServerPlugin<GatewayContext> {
  return {
    async serverWillStart() {
      // Rows of past generations are dead; any copy of the gateway may clear them.
      const timer = setInterval(() => {
        store.prune(new Date(Date.now() - KEEP_STALE_MS)).catch((err: unknown) => logger.warn({ err }, "response cache prune failed"));
      }, PRUNE_EVERY_MS);
      timer.unref();
      return { serverWillStop: async () => clearInterval(timer) };
    },

    async requestDidStart() {
      let toStore: { key: string; generation: string } | null = null;
      return {
        async responseForOperation(requestContext) {
          const { schema, document, operation, request, contextValue, response } = requestContext;
          if (!isCacheable(schema, document, operation, neverCached) || typeof request.query !== "string") {
            response.http.headers.set(CACHE_STATUS_HEADER, "BYPASS");
            return null;
          }
          const language = contextValue.headers["accept-language"];
          const key = cacheKey({
            query: request.query,
            operationName: request.operationName,
            variables: request.variables,
            identity: contextValue.identity,
            language: typeof language === "string" ? language : undefined,
          });
          // A cache that cannot be read (its database down) is no reason to fail: the subgraphs answer.
          const found = await store.lookup(key).catch((err: unknown) => {
            logger.warn({ err }, "response cache lookup failed");
            return { body: null, generation: null };
          });
          if (found.body !== null) {
            response.http.headers.set(CACHE_STATUS_HEADER, "HIT");
            return { http: response.http, body: { kind: "single", singleResult: { data: JSON.parse(found.body) as Record<string, unknown> } } };
          }
          response.http.headers.set(CACHE_STATUS_HEADER, "MISS");
          // While a write is in flight an answer might predate it under a newer generation: compute, do not keep.
          if (found.generation !== null) toStore = { key, generation: found.generation };
          return null;
        },

        async willSendResponse({ response }) {
          if (!toStore || response.body.kind !== "single") return;
          const { data, errors } = response.body.singleResult;
          if ((errors && errors.length > 0) || !data) return;
          const body = JSON.stringify(data);
          if (body.length > MAX_CACHED_BYTES) return;
          await store.store(toStore.key, toStore.generation, body).catch((err: unknown) => logger.warn({ err }, "response cache store failed"));
        },
      };
    },
  };
}
