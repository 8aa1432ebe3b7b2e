// Each service's Prometheus metrics (prom-client), served at /metrics by its server. One registry per service, so
// services sharing a process (npm start) keep their series apart; every series carries `service`. Labels name
// operations, outcomes, routes and actions, never a caller, a token, an area or a figure (decision 0117).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** Client-chosen operation names become labels only when well formed, and only this many distinct ones. */
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_OPERATION_NAMES = 200;

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export class ServiceMetrics {
  readonly registry = new Registry();
  /** GraphQL operations by name and outcome (`ok`, or the first error's code). */
  readonly operations: Counter<"operation" | "outcome">;
  readonly operationSeconds: Histogram<"operation">;
  /** Every HTTP request by route (its first path segment), method and status. */
  readonly httpRequests: Counter<"route" | "method" | "status">;
  readonly httpSeconds: Histogram<"route">;
  private readonly operationNames = new Set<string>();

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    this.operations = this.counter("graphql_operations_total", "GraphQL operations answered, by operation name and outcome", ["operation", "outcome"]);
    this.operationSeconds = this.seconds("graphql_operation_duration_seconds", "Time from a GraphQL request's start to its answer, by operation name", [
      "operation",
    ]);
    this.httpRequests = this.counter("http_requests_total", "HTTP requests answered, by route, method and status", ["route", "method", "status"]);
    this.httpSeconds = this.seconds("http_request_duration_seconds", "Time from an HTTP request's arrival to the end of its answer, by route", ["route"]);
  }

  /** An operation name as a label: `anonymous` without one, `other` when malformed or past the distinct-name bound. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return "anonymous";
    if (this.operationNames.has(name)) return name;
    if (!OPERATION_NAME.test(name) || this.operationNames.size >= MAX_OPERATION_NAMES) return "other";
    this.operationNames.add(name);
    return name;
  }

  counter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    const existing = this.registry.getSingleMetric(name);
    return (existing as Counter<L> | undefined) ?? new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  /** A histogram of durations in seconds, from 5 ms to 30 s. */
  seconds<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Histogram<L> {
    const existing = this.registry.getSingleMetric(name);
    return (existing as Histogram<L> | undefined) ?? new Histogram({ name, help, labelNames, buckets: SECONDS_BUCKETS, registers: [this.registry] });
  }

  /** A gauge read when scraped (`collect` sets it, e.g. from a pool or a table). */
  gauge<L extends string>(name: string, help: string, labelNames: readonly L[], collect: (gauge: Gauge<L>) => void | Promise<void>): Gauge<L> {
    const existing = this.registry.getSingleMetric(name);
    if (existing) return existing as Gauge<L>;
    return new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        await collect(this);
      },
    });
  }

  /** The service's series, then the process's (CPU, memory, event-loop delay, GC), which the services of a process share. */
  async text(): Promise<string> {
    return `${await this.registry.metrics()}\n${await processRegistry().metrics()}`;
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/**
 * prom-client's process series, collected once per process: each collection keeps an event-loop monitor and a GC
 * observer running, so one per service (or per test file, which reloads modules) would pile up. Kept on globalThis
 * for that reason.
 */
function processRegistry(): Registry {
  const key = Symbol.for("vnge.metrics.process");
  const holder = globalThis as typeof globalThis & { [key: symbol]: Registry | undefined };
  if (!holder[key]) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    holder[key] = registry;
  }
  return holder[key];
}

const byService = new Map<string, ServiceMetrics>();

/** The metrics of `service` in this process (created on first use). */
export function serviceMetrics(service: string): ServiceMetrics {
  let metrics = byService.get(service);
  if (!metrics) {
    metrics = new ServiceMetrics(service);
    byService.set(service, metrics);
  }
  return metrics;
}
