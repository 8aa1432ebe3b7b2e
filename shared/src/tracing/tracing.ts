// Traces (OpenTelemetry): off unless a deployment configures an exporter (OTLP) or a test passes span processors.
// Each HTTP request is a server span continuing the caller's W3C trace context (traceparent), the gateway passes the
// context on to every subgraph it calls, and every SQL statement is a client span beneath. The request id stays the
// join key with the JSON logs: it is an attribute of each server span (decision 0118).
import type { IncomingMessage, ServerResponse } from "node:http";
import { type Context, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, context, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { Resource } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor, type SpanProcessor } from "@opentelemetry/sdk-trace-base";

const TRACER = "vnge";
let provider: BasicTracerProvider | null = null;

export interface TracingOptions {
  /** The `service.name` of the process's spans (each span also names its service in `vnge.service`). */
  serviceName?: string;
  /** Where spans go; default: OTLP over HTTP to OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT. */
  spanProcessors?: SpanProcessor[];
}

/** Whether the environment asks for traces (an OTLP endpoint is configured). */
export const tracingConfigured = (env: NodeJS.ProcessEnv = process.env) => Boolean(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT);

/** Starts recording spans for this process (once); returns the function that flushes and stops it. */
export function startTracing(options: TracingOptions = {}): () => Promise<void> {
  if (provider) throw new Error("tracing is already started in this process");
  const started = new BasicTracerProvider({
    resource: new Resource({ "service.name": options.serviceName ?? process.env.OTEL_SERVICE_NAME ?? "vnge" }),
    spanProcessors: options.spanProcessors ?? [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(started);
  provider = started;
  return async () => {
    await started.shutdown();
    trace.disable();
    propagation.disable();
    context.disable();
    provider = null;
  };
}

const headerGetter = {
  get: (carrier: IncomingMessage["headers"], key: string) => carrier[key] as string | string[] | undefined,
  keys: (carrier: IncomingMessage["headers"]) => Object.keys(carrier),
};

/**
 * Runs `handle` in a server span of `service`, child of the caller's trace when its request carries one; the span
 * ends when the answer has been sent.
 */
export function inServerSpan(service: string, requestIdHeader: string, req: IncomingMessage, res: ServerResponse, handle: () => Promise<void>): Promise<void> {
  if (!provider) return handle();
  const parent = propagation.extract(ROOT_CONTEXT, req.headers, headerGetter);
  const path = (req.url ?? "/").split("?")[0];
  const route = /^\/[A-Za-z0-9_.-]{0,40}/.exec(path)?.[0] ?? "/";
  return trace
    .getTracer(TRACER)
    .startActiveSpan(
      `${req.method ?? "GET"} ${route}`,
      { kind: SpanKind.SERVER, attributes: { "vnge.service": service, "http.request.method": req.method ?? "GET", "url.path": path } },
      parent,
      (span) => {
        res.once("close", () => {
          // The server gives every request its id (the caller's, or a new one) in the answer's header.
          const requestId = res.getHeader(requestIdHeader);
          if (typeof requestId === "string") span.setAttribute("vnge.request_id", requestId);
          span.setAttribute("http.response.status_code", res.statusCode);
          if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
        });
        return handle();
      },
    );
}

/** Writes the active trace context into outgoing request headers (a subgraph call). */
export function injectTraceContext(headers: { set(name: string, value: string): unknown }): void {
  if (!provider) return;
  propagation.inject(context.active(), headers, { set: (carrier, key, value) => void carrier.set(key, value) });
}

/** The statement's first keyword, for the span's name (the statement itself is an attribute, without its parameters). */
const operationOf = (sql: string) => /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? "SQL";

/**
 * Runs one statement in a client span beneath the active one (none outside a request: migrations, timers). `execute`
 * may answer a promise or, as the driver's pool does, take a callback as its last argument, wrapped to end the span.
 */
export function traceStatement<T>(system: "postgresql", sql: string, args: unknown[], execute: (args: unknown[]) => T): T {
  if (!provider || trace.getSpan(context.active()) === undefined) return execute(args);
  const span: Span = trace
    .getTracer(TRACER)
    .startSpan(
      operationOf(sql),
      { kind: SpanKind.CLIENT, attributes: { "db.system": system, "db.operation": operationOf(sql), "db.statement": sql.slice(0, 2000) } },
      context.active() as Context,
    );
  const end = (error?: unknown) => {
    if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    span.end();
  };
  const last = args.length - 1;
  if (typeof args[last] === "function") {
    const callback = args[last] as (error: unknown, ...rest: unknown[]) => void;
    const ending = (error: unknown, ...rest: unknown[]) => {
      end(error);
      callback(error, ...rest);
    };
    return execute([...args.slice(0, last), ending]);
  }
  const result = execute(args);
  if (result && typeof (result as { then?: unknown }).then === "function") {
    (result as unknown as Promise<unknown>).then(
      () => end(),
      (error: unknown) => end(error),
    );
  } else end();
  return result;
}
