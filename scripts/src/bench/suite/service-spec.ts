// What the benchmark asks a service process to run, and what it answers once listening.
export type ServiceSpec =
  | { kind: "subgraphs"; databaseUrl: string; poolSize: number }
  /** With `databaseUrl`, the gateway keeps its response cache in that database. */
  | { kind: "apollo-gateway"; subgraphUrls: Record<string, string>; port?: number; databaseUrl?: string }
  /** With `rustPlanner`, Hive Gateway plans with Hive Router's Rust query planner; `unshared`: no sharing of requests in flight. */
  | { kind: "hive-gateway"; subgraphUrls: Record<string, string>; port?: number; rustPlanner?: boolean; unshared?: boolean };

export interface ServiceReady {
  /** Subgraph name -> URL for the subgraphs; `gateway` -> URL for a gateway. */
  urls: Record<string, string>;
}
