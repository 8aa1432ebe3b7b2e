// The schema contract: committed SDLs match the code, and they compose into the committed supergraph.
import fs from "node:fs";
import {
  API_SCHEMA_PATH,
  CompositionError,
  SUPERGRAPH_PATH,
  apiSchemaOf,
  composeSupergraph,
  parseSubgraphUrls,
  printSubgraphSchemas,
  readCommittedSubgraphSchemas,
  subgraphSchemaPath,
  subgraphUrlsFromEnv,
  withSubgraphUrls,
} from "../schema-files";

describe("schema contract", () => {
  it("has each subgraph's printed SDL committed in schema/", async () => {
    const printed = await printSubgraphSchemas();
    expect(Object.keys(printed)).toEqual(["indicators", "plans", "cases", "communications"]);
    for (const [name, sdl] of Object.entries(printed)) {
      expect({ name, sdl: fs.readFileSync(subgraphSchemaPath(name), "utf8") }).toEqual({ name, sdl });
    }
  });

  it("composes the committed SDLs into the committed supergraph", () => {
    expect(composeSupergraph(readCommittedSubgraphSchemas())).toBe(fs.readFileSync(SUPERGRAPH_PATH, "utf8"));
  });

  it("has the supergraph's API schema committed in schema/api.graphql, without federation's types and directives", () => {
    const api = fs.readFileSync(API_SCHEMA_PATH, "utf8");
    expect(apiSchemaOf(fs.readFileSync(SUPERGRAPH_PATH, "utf8"))).toBe(api);
    expect(api).toMatch(/type Area \{/);
    expect(api).toMatch(/targetsOffTrack\(/);
    expect(api).not.toMatch(/join__|link__|@key|@requires|_entities|_Any/);
  });

  it("fails composition when two subgraphs both define a non-shareable field", () => {
    const sdls = readCommittedSubgraphSchemas();
    sdls.plans = sdls.plans.replace(/type Area[^{]*\{/, (head) => `${head}\n  name: String!`);
    expect(sdls.plans).toMatch(/name: String!/);
    expect(() => composeSupergraph(sdls)).toThrow(CompositionError);
    expect(() => composeSupergraph(sdls)).toThrow(/Area\.name/);
  });
});

describe("a supergraph for a deployment's subgraph URLs", () => {
  it("composes the committed SDLs with the given URLs and the defaults for the others", () => {
    const urls = parseSubgraphUrls("indicators=https://indicators.internal/graphql, plans=http://10.0.0.2:8080/graphql");
    const supergraph = composeSupergraph(readCommittedSubgraphSchemas(), urls);
    expect(supergraph).toContain('@join__graph(name: "indicators", url: "https://indicators.internal/graphql")');
    expect(supergraph).toContain('@join__graph(name: "plans", url: "http://10.0.0.2:8080/graphql")');
    expect(supergraph).toContain('@join__graph(name: "cases", url: "http://127.0.0.1:4003/graphql")');
    // Only the URLs differ from the committed supergraph.
    expect(withSubgraphUrls(supergraph, { indicators: "http://127.0.0.1:4001/graphql", plans: "http://127.0.0.1:4002/graphql" })).toBe(
      fs.readFileSync(SUPERGRAPH_PATH, "utf8"),
    );
  });

  it("reads the URLs the gateway reads from the environment", () => {
    expect(subgraphUrlsFromEnv({ CASES_URL: "https://cases.internal/graphql", PLANS_PORT: "9000" })).toEqual({ cases: "https://cases.internal/graphql" });
  });

  it("refuses an unknown subgraph or a value that is not a URL", () => {
    expect(() => parseSubgraphUrls("indicator=https://x/graphql")).toThrow(/unknown subgraph "indicator"/);
    expect(() => parseSubgraphUrls("cases=cases.internal")).toThrow(/not an http\(s\) URL/);
  });
});
