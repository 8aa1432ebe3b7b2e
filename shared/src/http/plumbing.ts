// What every HTTP server of the system does the same way: read a bounded body, tell JSON from other
// bodies, hand Apollo Server the request's headers, and listen, answer unexpected failures with a 500
// that leaks nothing, and close gracefully.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ApolloServer, type BaseContext, HeaderMap } from "@apollo/server";
import type { Logger } from "../logger";
import { METRICS_PATH, measureRequest, sendMetrics } from "../metrics/http-metrics";
import { serviceMetrics } from "../metrics/service-metrics";
import { inServerSpan } from "../tracing/tracing";
import { REQUEST_ID_HEADER } from "./request-id";

export interface RunningServer {
  url: string;
  port: number;
  /**
   * Starts a graceful stop behind a load balancer: /readyz answers 503 (so the balancer's health check takes this copy
   * out of rotation) and every answer closes its connection, while requests are still served until close().
   */
  drain(): void;
  close(): Promise<void>;
}

/** The readiness path the load balancer checks (decision 0119). */
export const READINESS_PATH = "/readyz";

export class PayloadTooLargeError extends Error {}

/** Bodies past this size are not even drained: the connection is dropped. */
const DRAIN_LIMIT = 64 * 1024 * 1024;

export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT) req.destroy();
      else if (size <= limit) chunks.push(chunk);
    });
    // An oversized body is read to its end (and discarded) so the client receives the 413 answer.
    req.on("end", () =>
      size > limit ? reject(new PayloadTooLargeError(`request body exceeds ${limit} bytes`)) : resolve(Buffer.concat(chunks).toString("utf8")),
    );
    req.on("error", reject);
  });
}

/** A JSON body: what Apollo Server's CSRF prevention lets through without a preflight header. */
export const isJsonContentType = (contentType: string | undefined) =>
  contentType !== undefined && /^application\/(graphql-response\+)?json\b/i.test(contentType);

export function headerMapOf(headers: IncomingMessage["headers"]): HeaderMap {
  const map = new HeaderMap();
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined) map.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  return map;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

/**
 * Listens with `handle` at /graphql's host and port; close() stops accepting, lets requests finish, then stops Apollo.
 * Every request is counted in the service's metrics, which answer at /metrics.
 */
export async function listen<TContext extends BaseContext>(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  options: { name: string; apollo: ApolloServer<TContext>; logger: Logger; port: number; host: string; details?: Record<string, unknown> },
): Promise<RunningServer> {
  const { logger } = options;
  const metrics = serviceMetrics(options.name);
  let draining = false;
  const server = http.createServer((req, res) => {
    if (draining) {
      res.setHeader("connection", "close");
      if (req.url?.split("?")[0] === READINESS_PATH) return sendJson(res, 503, { status: "draining", service: options.name });
    }
    if (req.method === "GET" && req.url?.split("?")[0] === METRICS_PATH) {
      sendMetrics(metrics, res).catch((error: unknown) => {
        logger.error({ err: error }, "metrics failed");
        if (!res.headersSent) sendJson(res, 500, { error: "metrics unavailable" });
      });
      return;
    }
    measureRequest(metrics, req, res);
    inServerSpan(options.name, REQUEST_ID_HEADER, req, res, () => handle(req, res)).catch((error: unknown) => {
      logger.error({ err: error }, "request failed");
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${options.host}:${port}/graphql`;
  logger.info({ url, ...options.details }, `${options.name} listening`);
  return {
    url,
    port,
    drain() {
      if (!draining) logger.info({ url }, `${options.name} draining`);
      draining = true;
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await options.apollo.stop();
    },
  };
}
