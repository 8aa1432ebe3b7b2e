// Automatic persisted queries (APQ) resolved before anything else sees the request (decision 0082):
// a hash alone is replaced by the query it names, a query with its hash is checked and remembered.
// What follows (the response cache, Apollo Server) then sees an ordinary query, so an APQ request is
// answered from the cache like any other. Mistakes are answered 4xx with a code: an unknown hash 404
// PERSISTED_QUERY_NOT_FOUND (the client sends the query again; 404 rather than 400 because Apollo
// Client 3 turns persisted queries off after a 400), a hash that does not match its query 400
// PERSISTED_QUERY_HASH_MISMATCH. A hash not seen by this process may name a registered operation (a trusted
// document, decision 0103), kept in PostgreSQL for every copy.
import crypto from "node:crypto";
import { InMemoryLRUCache, type KeyValueCache } from "@apollo/utils.keyvaluecache";

export interface GraphQLRequestBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

export interface RequestMistake {
  status: number;
  code: string;
  message: string;
}

export type Resolution = { body: GraphQLRequestBody } | { mistake: RequestMistake };

/** Query texts kept per gateway process (bytes); a client whose hash was evicted sends its query again. */
const MAX_CACHE_BYTES = 32 * 1024 * 1024;

export const PERSISTED_QUERY_NOT_FOUND: RequestMistake = { status: 404, code: "PERSISTED_QUERY_NOT_FOUND", message: "PersistedQueryNotFound" };

export const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Registered operations (trusted documents), found by the hash their client registered. */
export type RegisteredDocuments = (hash: string) => Promise<string | undefined>;

export class PersistedQueries {
  constructor(
    private readonly registered: RegisteredDocuments = async () => undefined,
    private readonly cache: KeyValueCache<string> = new InMemoryLRUCache<string>({ maxSize: MAX_CACHE_BYTES }),
  ) {}

  async resolve(body: GraphQLRequestBody): Promise<Resolution> {
    if (!isRecord(body.extensions) || body.extensions.persistedQuery === undefined) return { body };
    const { persistedQuery, ...otherExtensions } = body.extensions;
    // Without the extension, and without `extensions` at all when nothing else was in it.
    const { extensions: _sent, ...withoutExtensions } = body;
    const resolved = (query: string): GraphQLRequestBody =>
      Object.keys(otherExtensions).length > 0 ? { ...withoutExtensions, query, extensions: otherExtensions } : { ...withoutExtensions, query };
    if (!isRecord(persistedQuery) || persistedQuery.version !== 1) {
      return { mistake: { status: 400, code: "PERSISTED_QUERY_NOT_SUPPORTED", message: "Only version 1 of persisted queries is supported." } };
    }
    const hash = persistedQuery.sha256Hash;
    if (typeof hash !== "string" || !/^[0-9a-f]{64}$/i.test(hash)) {
      return { mistake: { status: 400, code: "BAD_REQUEST", message: "persistedQuery.sha256Hash must be the hex SHA-256 of the query." } };
    }
    if (body.query === undefined || body.query === null) {
      const query = (await this.cache.get(`apq:${hash.toLowerCase()}`)) ?? (await this.registered(hash.toLowerCase()));
      return query === undefined ? { mistake: PERSISTED_QUERY_NOT_FOUND } : { body: resolved(query) };
    }
    if (typeof body.query !== "string" || sha256(body.query) !== hash.toLowerCase()) {
      return { mistake: { status: 400, code: "PERSISTED_QUERY_HASH_MISMATCH", message: "persistedQuery.sha256Hash does not match the query sent." } };
    }
    await this.cache.set(`apq:${hash.toLowerCase()}`, body.query);
    return { body: resolved(body.query) };
  }

  /** The same for a GET request, whose fields are search parameters (`extensions` as JSON). */
  async resolveSearch(search: URLSearchParams): Promise<{ search: URLSearchParams } | { mistake: RequestMistake }> {
    const raw = search.get("extensions");
    if (raw === null) return { search };
    let extensions: unknown;
    try {
      extensions = JSON.parse(raw);
    } catch {
      return { mistake: { status: 400, code: "BAD_REQUEST", message: "The extensions search parameter is not valid JSON." } };
    }
    const resolution = await this.resolve({ query: search.get("query") ?? undefined, extensions });
    if ("mistake" in resolution) return resolution;
    const resolved = new URLSearchParams(search);
    if (typeof resolution.body.query === "string") resolved.set("query", resolution.body.query);
    if (resolution.body.extensions === undefined) resolved.delete("extensions");
    else resolved.set("extensions", JSON.stringify(resolution.body.extensions));
    return { search: resolved };
  }
}
