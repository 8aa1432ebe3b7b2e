// The schema contract: each subgraph's SDL printed into schema/, composed into schema/supergraph.graphql.
import fs from "node:fs";
import path from "node:path";
import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { SUBGRAPHS, repoRoot, subgraphUrl } from "@vnge/shared";
import { parse } from "graphql";
import { SUBGRAPH_MODULES } from "./modules";

export const SCHEMA_DIR = path.join(repoRoot, "schema");
export const SUPERGRAPH_PATH = path.join(SCHEMA_DIR, "supergraph.graphql");

export const subgraphSchemaPath = (name: string) => path.join(SCHEMA_DIR, `${name}.graphql`);

export async function printSubgraphSchemas(): Promise<Record<string, string>> {
  const printed: Record<string, string> = {};
  for (const entry of SUBGRAPHS) {
    printed[entry.name] = `${printSubgraphSchema(await SUBGRAPH_MODULES[entry.name].buildSchema()).trim()}\n`;
  }
  return printed;
}

export class CompositionError extends Error {}

/** Composes the given SDLs; the URLs are the registry's defaults (the gateway can override them). */
export function composeSupergraph(sdls: Record<string, string>): string {
  const result = composeServices(
    SUBGRAPHS.map((entry) => ({ name: entry.name, url: subgraphUrl(entry, {}), typeDefs: parse(sdls[entry.name]) })),
  );
  if (result.errors) {
    throw new CompositionError(`Composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join("\n")}`);
  }
  return `${result.supergraphSdl.trim()}\n`;
}

export function readCommittedSubgraphSchemas(): Record<string, string> {
  return Object.fromEntries(SUBGRAPHS.map((entry) => [entry.name, fs.readFileSync(subgraphSchemaPath(entry.name), "utf8")]));
}
