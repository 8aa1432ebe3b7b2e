// The schema contract: each subgraph's SDL printed into schema/, composed into schema/supergraph.graphql.
import fs from "node:fs";
import path from "node:path";
import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { SUBGRAPHS, type SubgraphEntry, repoRoot, subgraphUrl } from "@vnge/shared";
import { Supergraph } from "@apollo/federation-internals";
import { parse, printSchema } from "graphql";
import { SUBGRAPH_MODULES } from "./modules";

export const SCHEMA_DIR = path.join(repoRoot, "schema");
export const SUPERGRAPH_PATH = path.join(SCHEMA_DIR, "supergraph.graphql");
/** The API as clients see it: the supergraph without federation's types and directives (decision 0092). */
export const API_SCHEMA_PATH = path.join(SCHEMA_DIR, "api.graphql");

export const subgraphSchemaPath = (name: string) => path.join(SCHEMA_DIR, `${name}.graphql`);

export async function printSubgraphSchemas(): Promise<Record<string, string>> {
  const printed: Record<string, string> = {};
  for (const entry of SUBGRAPHS) {
    printed[entry.name] = `${printSubgraphSchema(await SUBGRAPH_MODULES[entry.name].buildSchema()).trim()}\n`;
  }
  return printed;
}

export class CompositionError extends Error {}

export type SubgraphUrls = Partial<Record<SubgraphEntry["name"], string>>;

/**
 * Composes the given SDLs. The committed supergraph carries the registry's local defaults (our gateway
 * overrides them with `<NAME>_URL`); another router gets a supergraph for its deployment's URLs.
 */
export function composeSupergraph(sdls: Record<string, string>, urls: SubgraphUrls = {}): string {
  const result = composeServices(
    SUBGRAPHS.map((entry) => ({ name: entry.name, url: urls[entry.name] ?? subgraphUrl(entry, {}), typeDefs: parse(sdls[entry.name]) })),
  );
  if (result.errors) {
    throw new CompositionError(`Composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join("\n")}`);
  }
  return `${result.supergraphSdl.trim()}\n`;
}

/** The API schema of a supergraph, for client tooling (codegen, editors) where introspection is off. */
export function apiSchemaOf(supergraphSdl: string): string {
  return `${printSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema()).trim()}\n`;
}

export function readCommittedSubgraphSchemas(): Record<string, string> {
  return Object.fromEntries(SUBGRAPHS.map((entry) => [entry.name, fs.readFileSync(subgraphSchemaPath(entry.name), "utf8")]));
}

export class SubgraphUrlsError extends Error {}

/** `indicators=https://...,plans=https://...` (any subset of the subgraphs), each an http(s) URL. */
export function parseSubgraphUrls(list: string): SubgraphUrls {
  const urls: SubgraphUrls = {};
  const names = new Set<string>(SUBGRAPHS.map((entry) => entry.name));
  for (const pair of list
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const at = pair.indexOf("=");
    const name = at > 0 ? pair.slice(0, at) : pair;
    const url = at > 0 ? pair.slice(at + 1) : "";
    if (!names.has(name)) throw new SubgraphUrlsError(`unknown subgraph "${name}" in --urls; the subgraphs are ${[...names].join(", ")}`);
    if (!/^https?:\/\/[^\s/]+/.test(url)) throw new SubgraphUrlsError(`--urls ${name}: "${url}" is not an http(s) URL`);
    urls[name as SubgraphEntry["name"]] = url;
  }
  return urls;
}

/** The `<NAME>_URL` variables that are set, as the gateway reads them. */
export function subgraphUrlsFromEnv(env: NodeJS.ProcessEnv = process.env): SubgraphUrls {
  return Object.fromEntries(SUBGRAPHS.filter((entry) => env[`${entry.name.toUpperCase()}_URL`]).map((entry) => [entry.name, subgraphUrl(entry, env)]));
}

/** Points each `@join__graph(name: "...", url: "...")` of a composed supergraph at the given URL. */
export function withSubgraphUrls(supergraphSdl: string, urls: SubgraphUrls): string {
  return supergraphSdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: SubgraphEntry["name"]) =>
    urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole,
  );
}
