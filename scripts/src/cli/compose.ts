// Composes schema/<name>.graphql into schema/supergraph.graphql; --check fails when it is stale or does not compose.
import fs from "node:fs";
import { SUPERGRAPH_PATH, composeSupergraph, readCommittedSubgraphSchemas } from "../schema-files";
import { hasFlag, runCli } from "./run";

runCli(async (args) => {
  const supergraph = composeSupergraph(readCommittedSubgraphSchemas());
  const committed = fs.existsSync(SUPERGRAPH_PATH) ? fs.readFileSync(SUPERGRAPH_PATH, "utf8") : "";
  if (hasFlag(args, "--check")) {
    if (committed !== supergraph) {
      console.error("schema/supergraph.graphql is stale: run npm run schema:compose");
      return 1;
    }
    console.log("supergraph composes and is up to date");
    return 0;
  }
  fs.writeFileSync(SUPERGRAPH_PATH, supergraph);
  console.log("wrote schema/supergraph.graphql");
});
