// The gateway's HTTP server (decision 0082): the plumbing every service has (health, readiness,
// request ids, body limits, graceful shutdown) plus what browsers and standard clients need from the
// gateway: CORS, the explorer, persisted queries resolved before the response cache, the media type
// the client accepts on every answer, entity tags, 304 and compression.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApolloServer } from "@apollo/server";
import {
  type GraphQLShortcut,
  type Logger,
  PayloadTooLargeError,
  REQUEST_ID_HEADER,
  READINESS_PATH,
  type RouteHandler,
  type RunningServer,
  headerMapOf,
  isJsonContentType,
  listen,
  readBody,
  requestIdFrom,
} from "@vnge/shared";
import type { GatewayLocals, GatewayRequest } from "../context";
import { type CorsHandler, corsHandler } from "./cors";
import { Explorer, EXPLORER_CSP } from "./explorer";
import type { HttpConfig } from "./http-config";
import { APPLICATION_JSON, graphQLMediaType, prefersHtml } from "./media-type";
import { type GraphQLRequestBody, PersistedQueries, type RequestMistake } from "./persisted-queries";
import { addVary, sendAnswer } from "./respond";
import { WEB_APP_CSP, type WebApp } from "./web-app";

export interface GatewayServerOptions<TContext extends object> {
  apollo: ApolloServer<TContext>;
  logger: Logger;
  http: HttpConfig;
  context: (request: GatewayRequest) => Promise<TContext>;
  shortcut?: GraphQLShortcut<GatewayLocals>;
  routes?: Record<string, RouteHandler>;
  /** Largest request body (a batch of 50,000 values is several MB). */
  maxBodyBytes?: number;
  /** Largest GraphQL document, refused with 413 before parsing. */
  maxQueryBytes?: number;
  persistedQueries?: PersistedQueries;
  /** The web application at `/` for browsers, and its files (decision 0115); without it `/` shows the explorer. */
  webApp?: WebApp | null;
}

/** The route of a path: its own, or the route of a prefix ending in "/" (e.g. "/sdmx/") that the path is under. */
function routeFor(routes: Record<string, RouteHandler> | undefined, pathname: string): RouteHandler | undefined {
  if (!routes) return undefined;
  return routes[pathname] ?? Object.entries(routes).find(([path]) => path.endsWith("/") && pathname.startsWith(path))?.[1];
}

/** An answer the gateway gives itself to a request it refuses, in the media type the client accepts. */
function mistakeAnswer(req: IncomingMessage, mistake: RequestMistake) {
  const body = JSON.stringify({ errors: [{ message: mistake.message, extensions: { code: mistake.code } }] });
  return { status: mistake.status, headers: [["content-type", graphQLMediaType(req.headers.accept) ?? APPLICATION_JSON]] as [string, string][], body };
}

export async function startGatewayServer<TContext extends object>(
  options: GatewayServerOptions<TContext>,
  port: number,
  host = "127.0.0.1",
): Promise<RunningServer> {
  const { apollo, logger } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024 * 1024;
  const maxQueryBytes = options.maxQueryBytes ?? 256 * 1024;
  const persistedQueries = options.persistedQueries ?? new PersistedQueries();
  const cors: CorsHandler = corsHandler(options.http.corsOrigins);
  const explorer = options.http.explorer ? new Explorer("/graphql") : null;
  await apollo.start();

  const refuse = (req: IncomingMessage, res: ServerResponse, mistake: RequestMistake) => sendAnswer(req, res, mistakeAnswer(req, mistake), "never");

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const requestId = requestIdFrom(req.headers);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    if ((await cors(req, res)) === "answered") return;

    if (url.pathname === "/healthz" || url.pathname === READINESS_PATH) {
      const status = url.pathname === "/healthz" ? "ok" : "ready";
      return sendAnswer(
        req,
        res,
        { status: 200, headers: [["content-type", APPLICATION_JSON]], body: JSON.stringify({ status, service: "gateway" }) },
        "never",
      );
    }
    const route = routeFor(options.routes, url.pathname);
    if (route) return route(req, res, { requestId, headers: req.headers, logger: logger.child({ requestId }), locals: {} }, url);
    if (explorer && Explorer.owns(url.pathname) && req.method === "GET") {
      const file = await explorer.file(url.pathname);
      if (file) return sendStatic(req, res, file);
    }
    const webFile = req.method === "GET" ? options.webApp?.file(url.pathname) : undefined;
    if (webFile) return sendStatic(req, res, webFile, WEB_APP_CSP);
    if (url.pathname !== "/graphql" && url.pathname !== "/") {
      return refuse(req, res, { status: 404, code: "NOT_FOUND", message: `nothing at ${url.pathname}: GraphQL is served at /graphql` });
    }
    // A browser opening the endpoint gets the explorer (at `/`, the web application when built); a GET with a
    // query is a GraphQL request.
    const browsing = req.method === "GET" && !url.searchParams.has("query") && !url.searchParams.has("extensions") && prefersHtml(req.headers.accept);
    if (browsing && url.pathname === "/" && options.webApp) {
      addVary(res, "accept");
      return sendStatic(req, res, options.webApp.page(), WEB_APP_CSP);
    }
    if (explorer && browsing) {
      // The same URL answers JSON to a GraphQL client.
      addVary(res, "accept");
      return sendStatic(req, res, explorer.page());
    }

    let body: GraphQLRequestBody | undefined;
    let search = url.searchParams;
    if (req.method === "POST") {
      let text: string;
      try {
        text = await readBody(req, maxBodyBytes);
      } catch (error) {
        if (error instanceof PayloadTooLargeError) return refuse(req, res, { status: 413, code: "PAYLOAD_TOO_LARGE", message: error.message });
        throw error;
      }
      let parsed: unknown;
      try {
        parsed = text === "" ? {} : JSON.parse(text);
      } catch {
        return refuse(req, res, { status: 400, code: "BAD_REQUEST", message: "request body is not valid JSON" });
      }
      if (Array.isArray(parsed))
        return refuse(req, res, { status: 400, code: "BAD_REQUEST", message: "batched requests are not supported: send one operation per request" });
      if (typeof parsed !== "object" || parsed === null)
        return refuse(req, res, { status: 400, code: "BAD_REQUEST", message: "request body must be a JSON object" });
      const resolved = await persistedQueries.resolve(parsed as GraphQLRequestBody);
      if ("mistake" in resolved) return refuse(req, res, resolved.mistake);
      body = resolved.body;
    } else if (req.method === "GET") {
      const resolved = await persistedQueries.resolveSearch(url.searchParams);
      if ("mistake" in resolved) return refuse(req, res, resolved.mistake);
      search = resolved.search;
    }
    const document = req.method === "POST" ? body?.query : search.get("query");
    if (typeof document === "string" && Buffer.byteLength(document) > maxQueryBytes) {
      return refuse(req, res, { status: 413, code: "PAYLOAD_TOO_LARGE", message: `query document exceeds ${maxQueryBytes} bytes` });
    }

    const info: GatewayRequest = { requestId, headers: req.headers, logger: logger.child({ requestId }), locals: {} };
    if (options.shortcut && req.method === "POST" && isJsonContentType(req.headers["content-type"])) {
      const answer = await options.shortcut({ ...info, body });
      if (answer) return sendAnswer(req, res, { status: answer.status, headers: Object.entries(answer.headers), body: answer.body }, "graphql");
    }
    const searchText = search.toString();
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers: headerMapOf(req.headers), search: searchText === "" ? "" : `?${searchText}`, body },
      context: () => options.context(info),
    });
    if (response.body.kind === "complete") {
      return sendAnswer(req, res, { status: response.status ?? 200, headers: response.headers, body: response.body.string }, "graphql");
    }
    // Incremental delivery streams as it comes: neither tagged nor compressed.
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.setHeader("cache-control", "no-store");
    res.statusCode = response.status ?? 200;
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  return listen(handle, { name: "gateway", apollo, logger, port, host, details: { explorer: explorer !== null } });
}

function sendStatic(req: IncomingMessage, res: ServerResponse, file: { contentType: string; body: Buffer }, csp = EXPLORER_CSP): Promise<void> {
  const headers: [string, string][] = [
    ["content-type", file.contentType],
    ["x-content-type-options", "nosniff"],
  ];
  if (file.contentType.startsWith("text/html")) headers.push(["content-security-policy", csp]);
  return sendAnswer(req, res, { status: 200, headers, body: file.body }, "static");
}
