// Cross-origin access for browser apps (decision 0082), with the `cors` package: preflights answered
// 204 for allowed origins, the request and caching headers clients send allowed, the headers they read
// exposed. Tokens travel in the Authorization header, never in cookies, so credentials are never
// allowed: an allowed origin is echoed, any other gets no CORS header and the browser keeps the answer
// from its page.
import type { IncomingMessage, ServerResponse } from "node:http";
import cors from "cors";
import { CACHE_STATUS_HEADER } from "../response-cache/response-cache";
import { type OriginRule, originAllowed } from "./origins";

export const ALLOWED_HEADERS = [
  "authorization",
  "content-type",
  "accept",
  "accept-language",
  "x-api-key",
  "x-request-id",
  // Apollo Server's CSRF prevention accepts a request carrying either (decision 0082).
  "apollo-require-preflight",
  "x-apollo-operation-name",
  "if-none-match",
];
export const EXPOSED_HEADERS = ["x-request-id", CACHE_STATUS_HEADER, "etag"];
/** How long a browser may reuse a preflight's answer (Chromium caps it at two hours). */
export const PREFLIGHT_MAX_AGE_SECONDS = 600;

export type CorsHandler = (req: IncomingMessage, res: ServerResponse) => Promise<"answered" | "continue">;

export function corsHandler(origins: readonly OriginRule[] | "*"): CorsHandler {
  const middleware = cors({
    origin: origins === "*" ? "*" : (origin, callback) => callback(null, origin !== undefined && originAllowed(origin, origins)),
    methods: ["GET", "POST", "OPTIONS"],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    credentials: false,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
    optionsSuccessStatus: 204,
    preflightContinue: false,
  });
  return (req, res) =>
    new Promise((resolve, reject) => {
      // The middleware ends a preflight itself and calls next() for every other request.
      const answered = () => resolve("answered");
      res.once("finish", answered);
      middleware(req, res, (error?: unknown) => {
        res.off("finish", answered);
        if (error) reject(error);
        else resolve("continue");
      });
    });
}
