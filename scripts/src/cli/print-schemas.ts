// Prints each subgraph's SDL into schema/<name>.graphql; --check fails when a committed file is stale.
import fs from "node:fs";
import { printSubgraphSchemas, subgraphSchemaPath } from "../schema-files";
import { hasFlag, runCli } from "./run";

runCli(async (args) => {
  const check = hasFlag(args, "--check");
  const printed = await printSubgraphSchemas();
  let stale = 0;
  for (const [name, sdl] of Object.entries(printed)) {
    const file = subgraphSchemaPath(name);
    const committed = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    if (committed === sdl) continue;
    if (check) {
      console.error(`schema/${name}.graphql is stale: run npm run schema:print`);
      stale++;
    } else {
      fs.writeFileSync(file, sdl);
      console.log(`wrote schema/${name}.graphql`);
    }
  }
  if (check && stale === 0) console.log("subgraph schemas are up to date");
  return stale === 0 ? 0 : 1;
});
