// Plain HTTP endpoints of a subgraph offered at the gateway's address too (e.g. the data value file
// upload), so clients need one host. The body streams through; the subgraph authenticates the caller.
import http from "node:http";
import { REQUEST_ID_HEADER, type RouteHandler, sendJson } from "@vnge/shared";

const FORWARDED = ["authorization", "content-type", "content-length", "accept-language"];
/** What a download needs besides its type (a file's name, size and that it is not to be cached). */
const ANSWERED = ["content-length", "content-disposition", "cache-control", "x-content-type-options"];

export function passThrough(target: () => string): RouteHandler {
  return (req, res, request, url) =>
    new Promise<void>((resolve) => {
      const destination = new URL(url.pathname + url.search, target());
      const headers: http.OutgoingHttpHeaders = { [REQUEST_ID_HEADER]: request.requestId };
      for (const name of FORWARDED) if (req.headers[name] !== undefined) headers[name] = req.headers[name];
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
      req.pipe(upstream);
    });
}
