// The HTTP side of a service's metrics: every request counted and timed by route, /metrics answered, and the
// database pool's use read at each scrape.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Database } from "../database/client";
import type { ServiceMetrics } from "./service-metrics";

export const METRICS_PATH = "/metrics";

/** A route label: the first path segment of an answered path; unknown paths (404) share one label, so a client cannot mint series. */
function routeOf(pathname: string, status: number): string {
  if (status === 404) return "other";
  const segment = /^\/[A-Za-z0-9_.-]{0,40}/.exec(pathname)?.[0] ?? "/";
  return segment;
}

/** Counts and times `req` once its answer has been sent (or the connection closed first). */
export function measureRequest(metrics: ServiceMetrics, req: IncomingMessage, res: ServerResponse): void {
  const started = performance.now();
  res.once("close", () => {
    const pathname = (req.url ?? "/").split("?")[0];
    const route = routeOf(pathname, res.statusCode);
    metrics.httpRequests.inc({ route, method: req.method ?? "GET", status: String(res.statusCode) });
    metrics.httpSeconds.observe({ route }, (performance.now() - started) / 1000);
  });
}

export async function sendMetrics(metrics: ServiceMetrics, res: ServerResponse): Promise<void> {
  const text = await metrics.text();
  res.writeHead(200, { "content-type": metrics.contentType, "cache-control": "no-store" });
  res.end(text);
}

/** The pool's connections (open, idle) and the requests waiting for one, read when scraped; nothing on PGlite. */
export function watchDatabasePool(metrics: ServiceMetrics, db: Pick<Database, "poolUse" | "onConnectionWait">): void {
  const waits = metrics.seconds("db_pool_wait_seconds", "Time a query waited for a pooled database connection (PostgreSQL)");
  db.onConnectionWait((seconds) => waits.observe(seconds));
  metrics.gauge("db_pool_connections", "Database pool connections by state (open, idle, max) and queries waiting for one (waiting)", ["state"], (gauge) => {
    const use = db.poolUse();
    if (!use) return;
    gauge.set({ state: "open" }, use.open);
    gauge.set({ state: "idle" }, use.idle);
    gauge.set({ state: "waiting" }, use.waiting);
    gauge.set({ state: "max" }, use.max);
  });
}
