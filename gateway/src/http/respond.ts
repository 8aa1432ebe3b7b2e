// The last step of every answer the gateway sends (decision 0082): an entity tag and
// `Cache-Control: private, no-cache` on cacheable answers, 304 when the client holds the same answer
// already, `no-store` on the others, and compression of large bodies.
import type { IncomingMessage, ServerResponse } from "node:http";
import { CACHE_STATUS_HEADER } from "../response-cache/response-cache";
import { type ContentEncoding, MIN_COMPRESSED_BYTES, chooseEncoding, compress } from "./compression";
import { entityTag, ifNoneMatchMatches } from "./etag";

export interface Answer {
  status: number;
  headers: Iterable<[string, string]>;
  body: Buffer | string;
}

/**
 * How an answer may be kept: "graphql" for a GraphQL answer (kept by the client only when the response
 * cache computed or served it without errors), "static" for the explorer's files, "never" otherwise.
 */
export type Caching = "graphql" | "static" | "never";

const CACHED_STATUSES = new Set(["HIT", "SHARED", "MISS"]);

/** A GraphQL answer the response cache vouches for: its status says it computed or served the answer, and it has data and no errors. */
function cacheableGraphQL(status: number, cacheStatus: string | undefined, body: Buffer | string): boolean {
  if (status !== 200 || cacheStatus === undefined || !CACHED_STATUSES.has(cacheStatus)) return false;
  // Apollo Server and the cache write `errors` first when there are any (orderExecutionResultFields).
  const start = typeof body === "string" ? body.slice(0, 8) : body.subarray(0, 8).toString("utf8");
  return start === '{"data":';
}

export function addVary(res: ServerResponse, ...names: string[]): void {
  const current = res.getHeader("vary");
  const present = new Set(
    String(current ?? "")
      .split(",")
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
  const added = names.filter((name) => !present.has(name.toLowerCase()));
  if (added.length > 0) res.setHeader("vary", [current, ...added].filter(Boolean).join(", "));
}

export async function sendAnswer(req: IncomingMessage, res: ServerResponse, answer: Answer, caching: Caching): Promise<void> {
  for (const [name, value] of answer.headers) res.setHeader(name, value);
  let body = typeof answer.body === "string" ? Buffer.from(answer.body) : answer.body;
  const contentType = String(res.getHeader("content-type") ?? "");
  if (caching === "graphql") addVary(res, "accept", "authorization", "x-api-key", "accept-language");
  const cacheable =
    caching === "static"
      ? answer.status === 200
      : caching === "graphql" && cacheableGraphQL(answer.status, res.getHeader(CACHE_STATUS_HEADER)?.toString(), body);
  if (cacheable) {
    const tag = entityTag(contentType, body);
    res.setHeader("etag", tag);
    // Revalidated on every use: the answer changes whenever the data behind it do.
    res.setHeader("cache-control", caching === "static" ? "no-cache" : "private, no-cache");
    if (ifNoneMatchMatches(headerValue(req, "if-none-match"), tag)) {
      res.removeHeader("content-type");
      res.removeHeader("content-length");
      res.writeHead(304);
      res.end();
      return;
    }
  } else if (caching !== "static" && !res.hasHeader("cache-control")) {
    res.setHeader("cache-control", "no-store");
  }
  if (body.length >= MIN_COMPRESSED_BYTES) {
    addVary(res, "accept-encoding");
    const encoding = chooseEncoding(headerValue(req, "accept-encoding"));
    if (encoding) {
      body = await (caching === "static" ? compressedOnce(body, encoding) : compress(body, encoding));
      res.setHeader("content-encoding", encoding);
    }
  }
  res.setHeader("content-length", body.length);
  res.writeHead(answer.status);
  res.end(body);
}

/** Static files are the same Buffer on every request: each is compressed once per encoding. */
const compressedFiles = new WeakMap<Buffer, Map<ContentEncoding, Promise<Buffer>>>();

function compressedOnce(body: Buffer, encoding: ContentEncoding): Promise<Buffer> {
  let variants = compressedFiles.get(body);
  if (!variants) {
    variants = new Map();
    compressedFiles.set(body, variants);
  }
  let compressed = variants.get(encoding);
  if (!compressed) {
    compressed = compress(body, encoding);
    variants.set(encoding, compressed);
  }
  return compressed;
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}
