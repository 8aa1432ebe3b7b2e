import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "@vnge/shared";

/** The composed supergraph committed in schema/ (the gateway never polls subgraphs for it). */
export const SUPERGRAPH_FILE = path.join(repoRoot, "schema", "supergraph.graphql");

export function readSupergraph(file: string = process.env.SUPERGRAPH_FILE ?? SUPERGRAPH_FILE): string {
  return fs.readFileSync(file, "utf8");
}
