// The schema contract: committed SDLs match the code, and they compose into the committed supergraph.
import fs from "node:fs";
import {
  CompositionError,
  SUPERGRAPH_PATH,
  composeSupergraph,
  printSubgraphSchemas,
  readCommittedSubgraphSchemas,
  subgraphSchemaPath,
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

  it("fails composition when two subgraphs both define a non-shareable field", () => {
    const sdls = readCommittedSubgraphSchemas();
    sdls.plans = sdls.plans.replace(/type Area[^{]*\{/, (head) => `${head}\n  name: String!`);
    expect(sdls.plans).toMatch(/name: String!/);
    expect(() => composeSupergraph(sdls)).toThrow(CompositionError);
    expect(() => composeSupergraph(sdls)).toThrow(/Area\.name/);
  });
});
