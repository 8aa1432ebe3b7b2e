// The response cache as the gateway uses it: a shortcut that answers a hit before Apollo Server parses
// anything (the stored JSON is sent as it is), and a plugin that serves hits of requests the shortcut
// did not see (GET) and stores the answers of misses (docs/decisions/0070-response-cache.md).
import crypto from "node:crypto";
import type { ApolloServerPlugin, GraphQLResponse } from "@apollo/server";
import { type Database, type GraphQLShortcut, type Identity, type Logger, type ShortcutAnswer, serviceMetrics } from "@vnge/shared";
import type { Credential } from "../authenticate";
import type { GatewayContext, GatewayLocals } from "../context";
import { graphQLMediaType } from "../http/media-type";
import { AnswersInFlight, type Leader } from "./answers-in-flight";
import { cacheKey } from "./cache-key";
import { fieldsOnlyFrom, isCacheable } from "./cacheable-operation";
import { type CacheLookup, type CacheProbe, ResponseCacheStore } from "./response-cache.store";

export const CACHE_STATUS_HEADER = "x-response-cache";
/** How the cache took part in an answer (that header's value and the metric's label). */
const CACHE_RESULTS = ["HIT", "SHARED", "MISS", "BYPASS"] as const;
type CacheResult = (typeof CACHE_RESULTS)[number];
/** Answers longer than this (characters of JSON) are not kept: a cache row is read whole on every hit. */
export const MAX_CACHED_BYTES = 4 * 1024 * 1024;
/** What `cache.response` may hold by default (bytes of keys and answers); the oldest answers are evicted beyond it. */
export const DEFAULT_MAX_CACHE_BYTES = 256 * 1024 * 1024;
const PRUNE_EVERY_MS = 5 * 60_000;
const KEEP_STALE_MS = 10 * 60_000;

interface GraphQLBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
  extensions?: unknown;
}

/** An answer from stored or shared JSON of a response's data, with how it was found. */
function answerWith(response: Pick<GraphQLResponse, "http">, status: Extract<CacheResult, "HIT" | "SHARED">, data: string): GraphQLResponse {
  response.http.headers.set(CACHE_STATUS_HEADER, status);
  return { http: response.http, body: { kind: "single", singleResult: { data: JSON.parse(data) as Record<string, unknown> } } };
}

/** The operation's name as a request names it, or as its document's first operation does (the shortcut parses nothing). */
function operationNameOf(body: GraphQLBody): string | null {
  if (typeof body.operationName === "string") return body.operationName;
  return typeof body.query === "string" ? (/\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(body.query)?.[1] ?? null) : null;
}

export interface ResponseCacheOptions {
  /** Production and development answer some requests differently (introspection): their answers are kept apart. */
  production?: boolean;
  /** Bytes of keys and answers `cache.response` may hold (default: RESPONSE_CACHE_MAX_MB, else 256 MiB). */
  maxBytes?: number;
}

/** RESPONSE_CACHE_MAX_MB, when set to a positive number. */
export function maxCacheBytesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const megabytes = Number(env.RESPONSE_CACHE_MAX_MB);
  return env.RESPONSE_CACHE_MAX_MB && Number.isFinite(megabytes) && megabytes > 0 ? Math.round(megabytes * 1024 * 1024) : DEFAULT_MAX_CACHE_BYTES;
}

export class ResponseCache {
  private readonly store: ResponseCacheStore;
  private readonly mode: string;
  private readonly neverCached: ReadonlySet<string>;
  private readonly schema: string;
  private readonly inFlight = new AnswersInFlight();
  /** Answers by how the cache took part: HIT, SHARED (an identical request's answer in flight), MISS, BYPASS (never cached). */
  private readonly metrics = serviceMetrics("gateway");
  private readonly answers = this.metrics.counter("response_cache_answers_total", "GraphQL answers by the response cache's part in them", ["result"]);

  constructor(
    db: Database,
    supergraphSdl: string,
    private readonly logger: Logger,
    options: ResponseCacheOptions = {},
  ) {
    this.store = new ResponseCacheStore(db, options.maxBytes ?? maxCacheBytesFromEnv());
    // Every outcome's series exists from the start, so a dashboard's rate of SHARED reads 0 before the first one.
    for (const result of CACHE_RESULTS) this.answers.inc({ result }, 0);
    this.mode = options.production ? "production" : "development";
    this.neverCached = fieldsOnlyFrom(supergraphSdl);
    this.schema = crypto.createHash("sha256").update(supergraphSdl).digest("base64url");
  }

  private keyFor(query: string, operationName: unknown, variables: unknown, identity: Identity, language: unknown): string {
    return cacheKey({
      schema: this.schema,
      mode: this.mode,
      query,
      operationName: typeof operationName === "string" ? operationName : null,
      variables: variables && typeof variables === "object" ? (variables as Record<string, unknown>) : null,
      identity,
      language: typeof language === "string" ? language : undefined,
    });
  }

  /** A cache that cannot be read (its database down) is no reason to fail: the subgraphs answer. */
  private async lookup(key: string): Promise<CacheLookup> {
    return this.store.lookup(key).catch((err: unknown) => {
      this.logger.warn({ err }, "response cache lookup failed");
      return { body: null, generation: null };
    });
  }

  /**
   * Answers a POST whose answer is cached, after authenticating the caller as the context would. The
   * authentication (its credential or its refusal) is handed on in `locals.credential`, so an API key's
   * request is counted once; so is a miss's lookup, in `locals.cacheProbe`.
   */
  shortcut(authenticate: (headers: Parameters<GraphQLShortcut>[0]["headers"]) => Promise<Credential>): GraphQLShortcut<GatewayLocals> {
    return async (request): Promise<ShortcutAnswer | null> => {
      const started = performance.now();
      const body = request.body as GraphQLBody | null;
      // Persisted queries arrive resolved (http/persisted-queries.ts): other extensions could change the answer.
      if (!body || typeof body.query !== "string" || body.extensions !== undefined) return null;
      // The body is byte for byte what Apollo Server sends for the same answer (its line end included), so its entity tag is too.
      // A client accepting neither JSON media type is refused by Apollo Server (406).
      const mediaType = graphQLMediaType(request.headers.accept);
      if (mediaType === null) return null;
      const authenticated = authenticate(request.headers);
      request.locals.credential = authenticated;
      const credential = await authenticated.catch(() => null);
      if (!credential) return null; // the context refuses it, with the reason
      // The trusted-documents check runs inside Apollo Server (decision 0103); the cache plugin still answers there.
      if (credential.trustedDocumentsOnly) return null;
      const probe = await this.probe(body.query, body.operationName, body.variables, credential.identity, request.headers["accept-language"]);
      if (probe.lookup.body === null) {
        request.locals.cacheProbe = probe;
        return null;
      }
      this.answers.inc({ result: "HIT" });
      // Answered before Apollo Server, whose plugin counts the other operations.
      const operation = this.metrics.operationLabel(operationNameOf(body));
      this.metrics.operations.inc({ operation, outcome: "ok" });
      this.metrics.operationSeconds.observe({ operation }, (performance.now() - started) / 1000);
      return { status: 200, headers: { "content-type": mediaType, [CACHE_STATUS_HEADER]: "HIT" }, body: `{"data":${probe.lookup.body}}\n` };
    };
  }

  plugin(): ApolloServerPlugin<GatewayContext> {
    const { store, logger } = this;
    return {
      async serverWillStart() {
        // Rows of past generations are dead; any copy of the gateway may clear them.
        const timer = setInterval(() => {
          store.prune(new Date(Date.now() - KEEP_STALE_MS)).catch((err: unknown) => logger.warn({ err }, "response cache prune failed"));
        }, PRUNE_EVERY_MS);
        timer.unref();
        return { serverWillStop: async () => clearInterval(timer) };
      },

      requestDidStart: async () => {
        let toStore: { key: string; generation: string } | null = null;
        let leader: Leader | null = null;
        return {
          responseForOperation: async ({ schema, document, operation, request, contextValue, response }) => {
            // No operation resolved (several without operationName, or an unknown name): execution answers it 400.
            if (!operation) return null;
            if (!isCacheable(schema, document, operation, this.neverCached) || typeof request.query !== "string") {
              response.http.headers.set(CACHE_STATUS_HEADER, "BYPASS");
              this.answers.inc({ result: "BYPASS" });
              return null;
            }
            const probe =
              contextValue.cacheProbe ??
              (await this.probe(request.query, request.operationName, request.variables, contextValue.identity, contextValue.headers["accept-language"]));
            if (probe.lookup.body !== null) {
              this.answers.inc({ result: "HIT" });
              return answerWith(response, "HIT", probe.lookup.body);
            }
            const joined = this.inFlight.joinable(probe.key, probe.lookup);
            const shared = joined && (await joined);
            if (shared) {
              this.answers.inc({ result: "SHARED" });
              return answerWith(response, "SHARED", shared);
            }
            response.http.headers.set(CACHE_STATUS_HEADER, "MISS");
            this.answers.inc({ result: "MISS" });
            leader = this.inFlight.lead(probe.key, probe.lookup);
            // While a write is in flight an answer might predate it under a newer generation: it is shared with
            // identical requests in flight but not kept (decisions 0072, 0121).
            if (probe.lookup.generation !== null) toStore = { key: probe.key, generation: probe.lookup.generation };
            return null;
          },

          async willSendResponse({ response }) {
            if (!toStore && !leader) return;
            const result = response.body.kind === "single" ? response.body.singleResult : null;
            const body = result?.data && !(result.errors && result.errors.length > 0) ? JSON.stringify(result.data) : null;
            leader?.settle(body);
            if (!toStore || body === null || body.length > MAX_CACHED_BYTES) return;
            await store.store(toStore.key, toStore.generation, body).catch((err: unknown) => logger.warn({ err }, "response cache store failed"));
          },
        };
      },
    };
  }

  private async probe(query: string, operationName: unknown, variables: unknown, identity: Identity, language: unknown): Promise<CacheProbe> {
    const key = this.keyFor(query, operationName, variables, identity, language);
    return { key, lookup: await this.lookup(key) };
  }
}
