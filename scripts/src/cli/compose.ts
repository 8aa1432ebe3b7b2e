// Composes schema/<name>.graphql into schema/supergraph.graphql and prints its API schema into schema/api.graphql;
// --check fails when either is stale or composition fails.
// `--urls indicators=https://...,plans=...` (or `--env`: the <NAME>_URL variables) writes a supergraph for a
// deployment's subgraph URLs instead, to stdout or `--out <file>`, for routers other than ours (decision 0091).
import fs from "node:fs";
import {
  API_SCHEMA_PATH,
  SUPERGRAPH_PATH,
  apiSchemaOf,
  composeSupergraph,
  parseSubgraphUrls,
  readCommittedSubgraphSchemas,
  subgraphUrlsFromEnv,
} from "../schema-files";
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
    if (fs.existsSync(out) && fs.realpathSync(out) === fs.realpathSync(SUPERGRAPH_PATH))
      throw new Error("--out must not be the committed schema/supergraph.graphql");
    fs.writeFileSync(out, supergraph);
    console.error(`wrote ${out}`);
    return 0;
  }
  const supergraph = composeSupergraph(readCommittedSubgraphSchemas());
  const files = [
    { path: SUPERGRAPH_PATH, name: "schema/supergraph.graphql", text: supergraph },
    { path: API_SCHEMA_PATH, name: "schema/api.graphql", text: apiSchemaOf(supergraph) },
  ];
  const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "");
  if (hasFlag(args, "--check")) {
    const stale = files.filter((file) => read(file.path) !== file.text);
    for (const file of stale) console.error(`${file.name} is stale: run npm run schema:compose`);
    if (stale.length === 0) console.log("supergraph composes; it and the API schema are up to date");
    return stale.length === 0 ? 0 : 1;
  }
  for (const file of files) {
    fs.writeFileSync(file.path, file.text);
    console.log(`wrote ${file.name}`);
  }
});
