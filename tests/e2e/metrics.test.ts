// Every service exposes Prometheus metrics at /metrics (decision 0117): after a few queries and writes through the
// gateway, the series an operator watches are there with the counts of what happened, and no token or caller is.
import { Role } from "@vnge/shared";
import { ADMIN, type Caller, type TestSystem, authHeader, postGraphQL, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

const CLERK: Caller = { subject: "bim-son-clerk", roles: [Role.DATA_ENTRY], areaCodes: ["381"] };
const ROLLUP = `query MetricsRollup { rollup(indicatorCodes: ["SEX_RATIO_AT_BIRTH"], periods: ["2023"], parentCode: "VN", level: PROVINCE) { area { code } total } }`;
const SUBMIT_VALUES = `mutation MetricsSubmit($values: [DataValueInput!]!) { submitDataValues(input: { values: $values }) { imported rejected } }`;

const metricsUrl = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, "/metrics");

async function scrape(graphqlUrl: string): Promise<string> {
  const response = await fetch(metricsUrl(graphqlUrl));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

/** The value of the sample of `name` carrying (at least) `labels`, whatever their order; undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

/** Every service's metrics text, by service name. */
async function scrapeAll(): Promise<Record<string, string>> {
  const texts: Record<string, string> = { gateway: await scrape(system.gatewayUrl!) };
  for (const [name, url] of Object.entries(system.subgraphUrls)) texts[name] = await scrape(url!);
  return texts;
}

describe("metrics at /metrics on every service", () => {
  const tokens: string[] = [];
  let before: Record<string, string>;
  let texts: Record<string, string>;
  /** How much a sample grew since the scrape before the requests (the demo's loading counts too). */
  const growth = (service: string, name: string, labels: Record<string, string>) =>
    (sample(texts[service], name, labels) ?? 0) - (sample(before[service], name, labels) ?? 0);

  beforeAll(async () => {
    const gateway = system.gatewayUrl!;
    before = await scrapeAll();
    const admin = await authHeader(ADMIN);
    const clerk = await authHeader(CLERK);
    tokens.push(admin.authorization.replace(/^Bearer /, ""), clerk.authorization.replace(/^Bearer /, ""));
    for (let i = 0; i < 2; i++) expect((await postGraphQL(gateway, ROLLUP, undefined, admin)).body.errors).toBeUndefined();
    const values = [
      { dataElementCode: "LIVE_BIRTHS", areaCode: "14809", period: "2031", sex: "FEMALE", value: 40 },
      { dataElementCode: "LIVE_BIRTHS", areaCode: "14809", period: "2031", sex: "MALE", value: 41 },
    ];
    expect((await postGraphQL(gateway, SUBMIT_VALUES, { values }, clerk)).body.data).toEqual({ submitDataValues: { imported: 2, rejected: 0 } });
    const refused = [{ ...values[0], areaCode: "99999" }];
    expect((await postGraphQL(gateway, SUBMIT_VALUES, { values: refused }, clerk)).body.data).toEqual({ submitDataValues: { imported: 0, rejected: 1 } });
    const submitted = await postGraphQL(
      gateway,
      `mutation { submitDataSet(dataSetCode: "ANNUAL_GENDER_COMMUNE", areaCode: "14809", period: "2031") { state } }`,
      undefined,
      clerk,
    );
    expect(submitted.body.data).toEqual({ submitDataSet: { state: "SUBMITTED" } });
    expect((await postGraphQL(gateway, "{ rollup { nothing } }", undefined, admin)).status).toBe(400);
    texts = await scrapeAll();
  });

  it("counts the gateway's operations by name and outcome, their latency, the cache's part and the HTTP requests", () => {
    const text = texts.gateway;
    expect(sample(text, "graphql_operations_total", { service: "gateway", operation: "MetricsRollup", outcome: "ok" })).toBe(2);
    expect(sample(text, "graphql_operations_total", { operation: "MetricsSubmit", outcome: "ok" })).toBe(2);
    expect(sample(text, "graphql_operations_total", { operation: "anonymous", outcome: "GRAPHQL_VALIDATION_FAILED" })).toBe(1);
    expect(sample(text, "graphql_operation_duration_seconds_count", { operation: "MetricsRollup" })).toBe(2);
    expect(sample(text, "graphql_operation_duration_seconds_bucket", { operation: "MetricsRollup", le: "+Inf" })).toBe(2);
    // the second rollup is the first one's answer, kept while the data stayed the same
    expect(sample(text, "response_cache_answers_total", { result: "MISS" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "response_cache_answers_total", { result: "HIT" })).toBeGreaterThanOrEqual(1);
    // no two identical requests were in flight together: the series is there, at 0
    expect(sample(text, "response_cache_answers_total", { result: "SHARED" })).toBe(0);
    expect(sample(text, "http_requests_total", { route: "/graphql", method: "POST", status: "200" })).toBeGreaterThanOrEqual(5);
    expect(sample(text, "http_requests_total", { route: "/graphql", method: "POST", status: "400" })).toBe(1);
    expect(sample(text, "http_request_duration_seconds_count", { route: "/graphql" })).toBeGreaterThanOrEqual(6);
    expect(sample(text, "process_resident_memory_bytes", {})).toBeGreaterThan(0);
  });

  it("counts submitted values by result, approval transitions and the case feed's backlog in the subgraphs", () => {
    const indicators = texts.indicators;
    expect(growth("indicators", "data_values_submitted_total", { service: "indicators", result: "imported", dry_run: "false" })).toBe(2);
    expect(growth("indicators", "data_values_submitted_total", { result: "rejected", dry_run: "false" })).toBe(1);
    expect(growth("indicators", "data_approval_transitions_total", { action: "SUBMIT", to: "SUBMITTED" })).toBe(1);
    // the gateway asks the subgraph with an operation name of its own, once: the second answer came from the cache
    expect(sample(indicators, "graphql_operations_total", { operation: "MetricsRollup__indicators__0", outcome: "ok" })).toBe(1);
    expect(sample(texts.cases, "case_feed_pending", { service: "cases" })).toBe(0);
    for (const name of ["indicators", "plans", "cases", "communications"]) {
      expect(texts[name]).toContain("# TYPE db_pool_connections gauge");
      // PGlite has one connection and no pool to report
      if (system.db.kind === "postgres") {
        expect(sample(texts[name], "db_pool_connections", { state: "max", service: name })).toBeGreaterThan(0);
        // every checkout of the pool is timed; the smoke queries took some
        expect(sample(texts[name], "db_pool_wait_seconds_count", { service: name })).toBeGreaterThan(0);
      }
    }
  });

  it("carries no token and no caller", () => {
    for (const text of Object.values(texts)) {
      for (const token of tokens) expect(text).not.toContain(token);
      expect(text).not.toContain("test-admin");
      expect(text).not.toContain("bim-son-clerk");
      expect(text.toLowerCase()).not.toContain("bearer");
    }
  });

  it("keeps health apart from metrics", async () => {
    const health = await fetch(system.gatewayUrl!.replace(/\/graphql$/, "/healthz"));
    expect(await health.json()).toEqual({ status: "ok", service: "gateway" });
    expect(texts.gateway).not.toContain('"status"');
  });
});
