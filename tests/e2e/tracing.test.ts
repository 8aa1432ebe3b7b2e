// Traces (decision 0118): one dashboard query sent with a W3C traceparent gives one trace that holds the gateway's
// server span, the indicators subgraph's server span beneath the gateway's call to it, and the SQL statements
// beneath that, each server span carrying the request id of the logs.
import { SpanKind } from "@opentelemetry/api";
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { startTracing } from "@vnge/shared";
import { ADMIN, type TestSystem, authHeader, postGraphQL, startTestSystem } from "../testkit";

const exporter = new InMemorySpanExporter();
let stopTracing: () => Promise<void>;
let system: TestSystem;
beforeAll(async () => {
  stopTracing = startTracing({ serviceName: "vnge-test", spanProcessors: [new SimpleSpanProcessor(exporter)] });
  system = await startTestSystem();
});
afterAll(async () => {
  await system?.close();
  await stopTracing?.();
});

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const CALLER_SPAN = "00f067aa0ba902b7";
const DASHBOARD = `query Dashboard { rollup(indicatorCodes: ["SEX_RATIO_AT_BIRTH", "MATERNAL_MORTALITY_RATIO"], periods: ["2023"], parentCode: "VN", level: PROVINCE) {
  indicator { code } area { code } total male female } }`;

it("follows one dashboard query from the client through the gateway and the subgraph to its SQL", async () => {
  exporter.reset();
  const headers = { ...(await authHeader(ADMIN)), traceparent: `00-${TRACE_ID}-${CALLER_SPAN}-01`, "x-request-id": "trace-test-1" };
  const answer = await postGraphQL(system.gatewayUrl!, DASHBOARD, undefined, headers);
  expect(answer.body.errors).toBeUndefined();
  // the last spans end when the answers have been sent
  await new Promise((resolve) => setTimeout(resolve, 100));

  const spans = exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === TRACE_ID);
  const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));
  const server = (service: string) => spans.filter((span) => span.kind === SpanKind.SERVER && span.attributes["vnge.service"] === service);
  const ancestors = (span: ReadableSpan): ReadableSpan[] => {
    const parent = span.parentSpanId ? byId.get(span.parentSpanId) : undefined;
    return parent ? [parent, ...ancestors(parent)] : [];
  };

  const [gateway] = server("gateway");
  expect(gateway).toBeDefined();
  expect(gateway.parentSpanId).toBe(CALLER_SPAN);
  expect(gateway.name).toBe("POST /graphql");
  expect(gateway.attributes).toMatchObject({ "vnge.request_id": "trace-test-1", "http.response.status_code": 200 });

  const indicators = server("indicators");
  expect(indicators).toHaveLength(1);
  expect(indicators[0].attributes["vnge.request_id"]).toBe("trace-test-1");
  expect(ancestors(indicators[0])).toContain(gateway);

  const statements = spans.filter((span) => span.kind === SpanKind.CLIENT && span.attributes["db.system"] === "postgresql");
  const sums = statements.filter((span) => String(span.attributes["db.statement"]).includes("data_value_total"));
  expect(sums.length).toBeGreaterThanOrEqual(1);
  for (const statement of sums) expect(ancestors(statement)).toContain(indicators[0]);
  // the others are the subgraph's lookups and the gateway's response cache: all in the one trace
  for (const statement of statements) expect(ancestors(statement)).toContain(gateway);
  expect(spans.some((span) => span.name.startsWith("gateway."))).toBe(true); // Apollo Gateway's own spans joined in
  // statements carry their text with placeholders, never the values bound to them or a token
  const token = (await authHeader(ADMIN)).authorization.slice("Bearer ".length);
  for (const span of spans) expect(JSON.stringify(span.attributes)).not.toContain(token);
});

it("starts a new trace for a request that brings none", async () => {
  exporter.reset();
  const answer = await postGraphQL(system.gatewayUrl!, `{ area(code: "38") { name } }`, undefined, await authHeader(ADMIN));
  expect(answer.body.errors).toBeUndefined();
  await new Promise((resolve) => setTimeout(resolve, 100));
  const spans = exporter.getFinishedSpans();
  const [gateway] = spans.filter((span) => span.kind === SpanKind.SERVER && span.attributes["vnge.service"] === "gateway");
  expect(gateway.parentSpanId).toBeUndefined();
  const indicators = spans.find((span) => span.kind === SpanKind.SERVER && span.attributes["vnge.service"] === "indicators");
  expect(indicators?.spanContext().traceId).toBe(gateway.spanContext().traceId);
});
