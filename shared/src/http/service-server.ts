// A plain node:http server around Apollo Server: /graphql, /healthz (liveness) and /readyz
// (readiness, including the database), request ids, a body size limit and graceful shutdown.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApolloServer, BaseContext } from "@apollo/server";
import type { Logger } from "../logger";
import { PayloadTooLargeError, READINESS_PATH, type RunningServer, headerMapOf, isJsonContentType, listen, readBody, sendJson } from "./plumbing";
import { REQUEST_ID_HEADER, requestIdFrom } from "./request-id";

export { type RunningServer, sendJson } from "./plumbing";

/** `TLocals`: what a shortcut may learn about a request, typed by the server that has one (the gateway's). */
export interface RequestInfo<TLocals extends object = Record<string, unknown>> {
  requestId: string;
  headers: IncomingMessage["headers"];
  logger: Logger;
  /** What a shortcut learnt about this request, for its context (e.g. the verified caller). */
  locals: TLocals;
}

/** An answer sent without Apollo Server (e.g. a cached response). */
export interface ShortcutAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Looks at a parsed GraphQL POST before Apollo Server does; null lets Apollo answer it. */
export type GraphQLShortcut<TLocals extends object = Record<string, unknown>> = (
  request: RequestInfo<TLocals> & { body: unknown },
) => Promise<ShortcutAnswer | null>;

/** A plain HTTP endpoint beside /graphql (e.g. a file upload); it answers the response itself. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, request: RequestInfo, url: URL) => Promise<void>;

export interface ServiceServerOptions<TContext extends BaseContext> {
  name: string;
  apollo: ApolloServer<TContext>;
  logger: Logger;
  context: (request: RequestInfo) => Promise<TContext>;
  /** Throws when the service cannot serve (e.g. its database is down). */
  readiness: () => Promise<void>;
  /** Largest request body (variables included: a batch of 50,000 values is several MB). */
  maxBodyBytes?: number;
  /** Largest GraphQL document (the `query` string), refused with 413 before parsing. */
  maxQueryBytes?: number;
  /** Extra endpoints by path. */
  routes?: Record<string, RouteHandler>;
  shortcut?: GraphQLShortcut;
}

export async function startServiceServer<TContext extends BaseContext>(
  options: ServiceServerOptions<TContext>,
  port: number,
  host = "127.0.0.1",
): Promise<RunningServer> {
  const { apollo, logger, name } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024 * 1024;
  const maxQueryBytes = options.maxQueryBytes ?? 256 * 1024;
  await apollo.start();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const requestId = requestIdFrom(req.headers);
    res.setHeader(REQUEST_ID_HEADER, requestId);

    if (url.pathname === "/healthz") return sendJson(res, 200, { status: "ok", service: name });
    if (url.pathname === READINESS_PATH) {
      try {
        await options.readiness();
        return sendJson(res, 200, { status: "ready", service: name });
      } catch (error) {
        logger.warn({ err: error, requestId }, "not ready");
        return sendJson(res, 503, { status: "unavailable", service: name, reason: (error as Error).message });
      }
    }
    const route = options.routes?.[url.pathname];
    if (route) return route(req, res, { requestId, headers: req.headers, logger: logger.child({ requestId }), locals: {} }, url);
    if (url.pathname !== "/graphql" && url.pathname !== "/") {
      return sendJson(res, 404, { error: "not found" });
    }

    let body: unknown;
    if (req.method === "POST") {
      let text: string;
      try {
        text = await readBody(req, maxBodyBytes);
      } catch (error) {
        if (error instanceof PayloadTooLargeError) {
          return sendJson(res, 413, { errors: [{ message: error.message, extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
        }
        throw error;
      }
      try {
        body = text === "" ? {} : JSON.parse(text);
      } catch {
        return sendJson(res, 400, { errors: [{ message: "request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] });
      }
    }
    const document = req.method === "POST" ? (body as { query?: unknown } | null)?.query : url.searchParams.get("query");
    if (typeof document === "string" && Buffer.byteLength(document) > maxQueryBytes) {
      return sendJson(res, 413, { errors: [{ message: `query document exceeds ${maxQueryBytes} bytes`, extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
    }

    const requestLogger = logger.child({ requestId });
    const info: RequestInfo = { requestId, headers: req.headers, logger: requestLogger, locals: {} };
    if (options.shortcut && req.method === "POST" && isJsonContentType(req.headers["content-type"])) {
      const answer = await options.shortcut({ ...info, body });
      if (answer) {
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
        return;
      }
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers: headerMapOf(req.headers), search: url.search, body },
      context: () => options.context(info),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  return listen(handle, { name, apollo, logger, port, host });
}
