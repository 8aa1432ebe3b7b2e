// What every subgraph workspace exports, and how one is served.
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import { AreaDirectory } from "./areas/area-directory";
import { AreaScope } from "./auth/area-scope";
import { denialLogPlugin } from "./auth/denial-log";
import type { Identity } from "./auth/identity";
import { type TokenVerifier, bearerToken } from "./auth/tokens";
import type { Database } from "./database/client";
import type { IndicatorFeed } from "./feeds/indicator-feed";
import { AppError, UnauthenticatedError, createErrorFormatter, httpStatusOf, publicExtensions } from "./errors";
import { type Logger, serviceLogger } from "./logger";
import type { IncomingMessage, ServerResponse } from "node:http";
import { type RequestInfo, type RouteHandler, type RunningServer, sendJson, startServiceServer } from "./http/service-server";
import type { ServiceContext } from "./service-context";
import type { SubgraphEntry } from "./subgraphs";
import { type ServiceMetrics, operationMetricsPlugin, serviceMetrics, watchDatabasePool } from "./metrics";
import { compiledExecution } from "./federation/compiled-execution";

export type { ServiceContext } from "./service-context";

/** How much of the demo to load: both hierarchies with figures across the reform (the default), or only the one before it with its first year's figures. */
export type DemoExtent = "present" | "before-reform";

export interface SubgraphModule<TContext extends ServiceContext = ServiceContext> {
  name: SubgraphEntry["name"];
  buildSchema(): Promise<GraphQLSchema>;
  createContext(base: ServiceContext): TContext;
  /** Plain HTTP endpoints beside /graphql, given the authenticated request's context. */
  routes?: Record<string, SubgraphRoute<TContext>>;
  /** Writes the embedded demo's rows for this subgraph's own tables; safe to run twice. */
  seedDemo(db: Database, extent: DemoExtent): Promise<void>;
  /** Registers the subgraph's own series read at each scrape (e.g. a backlog counted in a table). */
  watch?(db: Database, metrics: ServiceMetrics): void;
}

/** An endpoint of a subgraph (a method, so a module typed by its own context still fits SubgraphModule<ServiceContext>). */
export interface SubgraphRoute<TContext> {
  handle(req: IncomingMessage, res: ServerResponse, context: TContext, url: URL): Promise<void>;
  /** Runs once before the service listens (e.g. to remove what a stopped process left behind). */
  start?(logger: Logger): Promise<void>;
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
  const metrics = serviceMetrics(module.name);
  watchDatabasePool(metrics, db);
  module.watch?.(db, metrics);
  for (const route of Object.values(module.routes ?? {})) await route.start?.(logger);
  const apollo = new ApolloServer<TContext>({
    // Operations run compiled (decision 0122); Apollo Server still parses, validates and runs the plugins.
    gateway: compiledExecution(await module.buildSchema()),
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    introspection: !options.production,
    logger,
    // The process owner (scripts/src/cli/start.ts) stops services in order on SIGTERM/SIGINT.
    stopOnTerminationSignals: false,
    // Inline traces serve Apollo's hosted studio, which this system does not report to.
    // No plugin resolves per field: Apollo then leaves the resolvers unwrapped (no cache hints are used here).
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      denialLogPlugin<TContext>(),
      operationMetricsPlugin<TContext>(metrics),
    ],
  });
  return startServiceServer(
    {
      name: module.name,
      apollo,
      logger,
      context: async (request) => module.createContext(await serviceContext(db, request, options)),
      readiness: () => db.ping(),
      routes: module.routes && authenticatedRoutes(module, db, options),
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
  const areas = new AreaDirectory(db);
  return {
    requestId: request.requestId,
    logger: request.logger.child({ subject: identity.subject }),
    db,
    identity,
    areas,
    scope: new AreaScope(areas, identity.areaCodes),
    indicatorFeed,
  };
}

/** Each route runs with the same verified context as a GraphQL request; errors become JSON with a code. */
function authenticatedRoutes<TContext extends ServiceContext>(
  module: SubgraphModule<TContext>,
  db: Database,
  options: SubgraphServeOptions,
): Record<string, RouteHandler> {
  return Object.fromEntries(
    Object.entries(module.routes ?? {}).map(([path, route]) => [
      path,
      async (req: IncomingMessage, res: ServerResponse, request: RequestInfo, url: URL) => {
        try {
          await route.handle(req, res, module.createContext(await serviceContext(db, request, options)), url);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          req.resume();
          sendJson(res, httpStatusOf(error), { errors: [{ message: error.message, extensions: publicExtensions(error) }] });
        }
      },
    ]),
  );
}

/** Builds a schema once per process; type-graphql's metadata makes rebuilding wasteful. */
export function memoize<T>(factory: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= factory());
}
