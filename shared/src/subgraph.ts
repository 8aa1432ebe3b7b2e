// What every subgraph workspace exports, and how one is served.
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import { AreaScope } from "./auth/area-scope";
import { denialLogPlugin } from "./auth/denial-log";
import type { Identity } from "./auth/identity";
import { type TokenVerifier, bearerToken } from "./auth/tokens";
import type { Database } from "./database/client";
import type { IndicatorFeed } from "./feeds/indicator-feed";
import { UnauthenticatedError, createErrorFormatter } from "./errors";
import { type Logger, serviceLogger } from "./logger";
import { type RequestInfo, type RunningServer, startServiceServer } from "./http/service-server";
import type { SubgraphEntry } from "./subgraphs";

/** Per-request context every subgraph starts from; each adds its own loaders. */
export interface ServiceContext {
  requestId: string;
  logger: Logger;
  db: Database;
  /** The verified caller: every request reaching a resolver has one. */
  identity: Identity;
  /** The caller's assigned areas and everything beneath them. */
  scope: AreaScope;
  /** Hands aggregates to the indicators subgraph (used by subgraphs that own raw records). */
  indicatorFeed: IndicatorFeed;
}

export interface SubgraphModule<TContext extends ServiceContext = ServiceContext> {
  name: SubgraphEntry["name"];
  buildSchema(): Promise<GraphQLSchema>;
  createContext(base: ServiceContext): TContext;
  /** Writes the embedded demo's rows for this subgraph's own tables; safe to run twice. */
  seedDemo(db: Database): Promise<void>;
}

export interface SubgraphServeOptions {
  verifyToken: TokenVerifier;
  indicatorFeed: IndicatorFeed;
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
    plugins: [ApolloServerPluginInlineTraceDisabled(), denialLogPlugin<TContext>()],
  });
  return startServiceServer(
    {
      name: module.name,
      apollo,
      logger,
      context: async (request) => module.createContext(await serviceContext(db, request, options)),
      readiness: () => db.ping(),
    },
    options.port,
    options.host,
  );
}

/**
 * Subgraphs trust only verified tokens: a request without one is refused here exactly as at the
 * gateway, whoever sends it (forwarded identity headers are never read).
 */
export async function serviceContext(
  db: Database,
  request: RequestInfo,
  { verifyToken, indicatorFeed }: Pick<SubgraphServeOptions, "verifyToken" | "indicatorFeed">,
): Promise<ServiceContext> {
  const token = bearerToken(request.headers.authorization);
  let identity: Identity;
  try {
    if (!token) throw new UnauthenticatedError();
    identity = await verifyToken(token);
  } catch (error) {
    request.logger.warn({ reason: (error as Error).message }, "unauthenticated request refused");
    throw error;
  }
  return {
    requestId: request.requestId,
    logger: request.logger.child({ subject: identity.subject }),
    db,
    identity,
    scope: new AreaScope(db, identity.areaCodes),
    indicatorFeed,
  };
}

/** Builds a schema once per process; type-graphql's metadata makes rebuilding wasteful. */
export function memoize<T>(factory: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= factory());
}
