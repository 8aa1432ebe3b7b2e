// The one list of subgraphs: start-up, the gateway, schema printing and composition all read it.
export interface SubgraphEntry {
  name: "indicators" | "plans" | "cases" | "communications";
  defaultPort: number;
}

export const SUBGRAPHS: readonly SubgraphEntry[] = [
  { name: "indicators", defaultPort: 4001 },
  { name: "plans", defaultPort: 4002 },
  { name: "cases", defaultPort: 4003 },
  { name: "communications", defaultPort: 4004 },
];

export const GATEWAY_DEFAULT_PORT = 4000;

export function subgraphEntry(name: SubgraphEntry["name"]): SubgraphEntry {
  return SUBGRAPHS.find((entry) => entry.name === name)!;
}

/** URL a subgraph is reached at: `<NAME>_URL` overrides the local default. */
export function subgraphUrl(entry: SubgraphEntry, env: NodeJS.ProcessEnv = process.env): string {
  const override = env[`${entry.name.toUpperCase()}_URL`];
  if (override) return override;
  const port = env[`${entry.name.toUpperCase()}_PORT`] ?? String(entry.defaultPort);
  return `http://127.0.0.1:${port}/graphql`;
}
