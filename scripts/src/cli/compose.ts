// Composes schema/<name>.graphql into schema/supergraph.graphql; --check fails when it is stale or does not compose.
// `--urls indicators=https://...,plans=...` (or `--env`: the <NAME>_URL variables) writes a supergraph for a
// deployment's subgraph URLs instead, to stdout or `--out <file>`, for routers other than ours (decision 0088).
import fs from "node:fs";
import { SUPERGRAPH_PATH, composeSupergraph, parseSubgraphUrls, readCommittedSubgraphSchemas, subgraphUrlsFromEnv } from "../schema-files";
import { flagValue, hasFlag, runCli } from "./run";

runCli(async (args) => {
  const urlList = flagValue(args, "--urls");
  if (urlList !== undefined || hasFlag(args, "--env")) {
    const urls = { ...(hasFlag(args, "--env") ? subgraphUrlsFromEnv() : {}), ...(urlList ? parseSubgraphUrls(urlList) : {}) };
    const supergraph = composeSupergraph(readCommittedSubgraphSchemas(), urls);
    const out = flagValue(args, "--out");
    if (!out) {
      process.stdout.write(supergraph);
      return 0;
    }
    if (fs.existsSync(out) && fs.realpathSync(out) === fs.realpathSync(SUPERGRAPH_PATH)) throw new Error("--out must not be the committed schema/supergraph.graphql");
    fs.writeFileSync(out, supergraph);
    console.error(`wrote ${out}`);
    return 0;
  }
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
