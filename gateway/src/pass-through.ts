// Plain HTTP endpoints of a subgraph offered at the gateway's address too (e.g. the data value file
// upload), so clients need one host. The body streams through; the subgraph authenticates the caller.
// An API key is the gateway's to resolve: a caller sending one is authenticated here and the subgraph
// gets the gateway's token for it, as for a query.
import http from "node:http";
import { AppError, REQUEST_ID_HEADER, type RequestInfo, type RouteHandler, httpStatusOf, publicExtensions, sendJson } from "@vnge/shared";
import type { Credential } from "./authenticate";

const FORWARDED = ["authorization", "content-type", "content-length", "accept", "accept-language"];
/** What a download needs besides its type (a file's name, size and that it is not to be cached). */
const ANSWERED = ["content-length", "content-disposition", "cache-control", "x-content-type-options"];

/** Resolves an API key (or a token) to the credential the subgraphs verify. */
export type CallerAuthenticator = (headers: http.IncomingHttpHeaders) => Promise<Credential>;

export function passThrough(target: () => string, authenticateCaller?: CallerAuthenticator): RouteHandler {
  return async (req, res, request, url) => {
    const headers: http.OutgoingHttpHeaders = { [REQUEST_ID_HEADER]: request.requestId };
    for (const name of FORWARDED) if (req.headers[name] !== undefined) headers[name] = req.headers[name];
    if (authenticateCaller && headers.authorization === undefined && req.headers["x-api-key"] !== undefined) {
      try {
        headers.authorization = (await authenticateCaller(req.headers)).subgraphAuthorization;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        req.resume();
        request.logger.warn({ reason: error.message }, "unauthenticated request refused");
        return sendJson(res, httpStatusOf(error), { errors: [{ message: error.message, extensions: publicExtensions(error) }] });
      }
    }
    return forward(req, res, request, new URL(url.pathname + url.search, target()), headers);
  };
}

function forward(req: http.IncomingMessage, res: http.ServerResponse, request: RequestInfo, destination: URL, headers: http.OutgoingHttpHeaders) {
  return new Promise<void>((resolve) => {
    const upstream = http.request(destination, { method: req.method, headers }, (answer) => {
      const headers: http.OutgoingHttpHeaders = {
        "content-type": answer.headers["content-type"] ?? "application/json",
        [REQUEST_ID_HEADER]: request.requestId,
      };
      for (const name of ANSWERED) if (answer.headers[name] !== undefined) headers[name] = answer.headers[name];
      res.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(res);
      answer.on("end", resolve);
    });
    upstream.on("error", (err) => {
      request.logger.warn({ err }, "pass-through failed");
      if (!res.headersSent)
        sendJson(res, 503, {
          errors: [{ message: "A service needed for this request is unavailable; try again shortly.", extensions: { code: "SERVICE_UNAVAILABLE" } }],
        });
      resolve();
    });
    // A client gone mid-download stops the subgraph's work too.
    res.on("close", () => upstream.destroy());
    req.pipe(upstream);
  });
}
