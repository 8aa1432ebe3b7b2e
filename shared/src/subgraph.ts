// What every subgraph workspace exports, and how one is served.
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import type { Database } from "./database/client";
import { createErrorFormatter } from "./errors";
import { type Logger, serviceLogger } from "./logger";
import { type RequestInfo, type RunningServer, startServiceServer } from "./http/service-server";
import type { SubgraphEntry } from "./subgraphs";

/** Per-request context every subgraph starts from; each adds its own loaders. */
export interface ServiceContext {
  requestId: string;
  logger: Logger;
  db: Database;
}

export interface SubgraphModule<TContext extends ServiceContext = ServiceContext> {
  name: SubgraphEntry["name"];
  buildSchema(): Promise<GraphQLSchema>;
  createContext(db: Database, request: RequestInfo): TContext;
  /** Writes the embedded demo's rows for this subgraph's own tables; safe to run twice. */
  seedDemo(db: Database): Promise<void>;
}

export interface SubgraphServeOptions {
  port: number;
  host?: string;
  production?: boolean;
}

export async function serveSubgraph<TContext extends ServiceContext>(
  module: SubgraphModule<TContext>,
  db: Database,
  options: SubgraphServeOptions,
): Promise<RunningServer> {
  const logger = serviceLogger(module.name);
  const apollo = new ApolloServer<TContext>({
    schema: await module.buildSchema(),
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    introspection: !options.production,
    logger,
    // The process owner (scripts/src/cli/start.ts) stops services in order on SIGTERM/SIGINT.
    stopOnTerminationSignals: false,
    // Inline traces serve Apollo's hosted studio, which this system does not report to.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  return startServiceServer(
    {
      name: module.name,
      apollo,
      logger,
      context: async (request) => module.createContext(db, request),
      readiness: () => db.ping(),
    },
    options.port,
    options.host,
  );
}

/** Builds a schema once per process; type-graphql's metadata makes rebuilding wasteful. */
export function memoize<T>(factory: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= factory());
}
