// The gateway: Apollo Server + Apollo Gateway over the committed supergraph, served by the gateway's
// HTTP server (health, request ids, CORS, the explorer, persisted queries, caching headers).
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import {
  type Database,
  ServiceUnavailableError,
  type RunningServer,
  type TokenVerifier,
  createErrorFormatter,
  operationMetricsPlugin,
  serviceLogger,
  serviceMetrics,
  subgraphEntry,
  subgraphUrl,
  watchDatabasePool,
} from "@vnge/shared";
import { type ApiKeyAuthenticator, authenticate } from "./authenticate";
import { startGatewayServer } from "./http/gateway-server";
import { type HttpConfig, loadHttpConfig } from "./http/http-config";
import { withoutSuggestions } from "./operation-limits/hide-suggestions";
import { operationLimits } from "./operation-limits/operation-limits";
import { passThrough } from "./pass-through";
import { YEARLY_REPORT_PATH, yearlyReportRoute } from "./report/yearly-report.route";
import { SDMX_PREFIX, sdmxRoute } from "./sdmx/sdmx.route";
import { ResponseCache } from "./response-cache/response-cache";
import type { GatewayContext } from "./context";
import { SubgraphDataSource } from "./subgraph-data-source";
import { type TrustedDocuments, trustedDocumentsPlugin } from "./trusted-documents/trusted-documents";
import { PersistedQueries } from "./http/persisted-queries";
import { DEV_TOKEN_PATH, type TokenSigning, devTokenRoute } from "./http/dev-token";
import { WebApp } from "./http/web-app";
import { readSupergraph } from "./supergraph";

export interface GatewayOptions {
  verifyToken: TokenVerifier;
  apiKeys?: ApiKeyAuthenticator;
  port: number;
  host?: string;
  production?: boolean;
  /** Subgraph name -> URL; names not listed keep the URL composed into the supergraph. */
  subgraphUrls?: Record<string, string>;
  supergraphSdl?: string;
  /** The database the subgraphs write: answers are cached there while their data stay unchanged (omit for no cache). */
  responseCache?: Database;
  /** Bytes the response cache may hold (default: RESPONSE_CACHE_MAX_MB, else 256 MiB). */
  responseCacheMaxBytes?: number;
  /** Registered operations: sent by hash alone, and the only ones keys marked trusted-documents-only may send. */
  trustedDocuments?: TrustedDocuments;
  /** Allowed origins and the explorer (default: CORS_ORIGINS and EXPLORER, see decision 0082). */
  http?: Partial<HttpConfig>;
  /** The local secret: outside production, the web application's sign-in gets tokens from POST /dev/token. */
  developmentTokens?: TokenSigning;
  /** The built web application's folder (default: web/dist of the workspace); false for none. */
  webAppDir?: string | false;
}

export async function startGateway(options: GatewayOptions): Promise<RunningServer> {
  const logger = serviceLogger("gateway");
  const metrics = serviceMetrics("gateway");
  if (options.responseCache) watchDatabasePool(metrics, options.responseCache);
  const protection = operationLimits();
  const supergraphSdl = options.supergraphSdl ?? readSupergraph();
  const cache = options.responseCache
    ? new ResponseCache(options.responseCache, supergraphSdl, logger, {
        production: options.production,
        maxBytes: options.responseCacheMaxBytes,
      })
    : null;
  const authenticateCaller = (headers: GatewayContext["headers"]) => authenticate(headers, options.verifyToken, options.apiKeys);
  const indicatorsUrl = () => options.subgraphUrls?.indicators ?? subgraphUrl(subgraphEntry("indicators"));
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => new SubgraphDataSource({ url: options.subgraphUrls?.[name] ?? url }),
    logger,
  });
  const formatError = createErrorFormatter(logger, {
    unavailable: { message: new ServiceUnavailableError().message, code: "SERVICE_UNAVAILABLE" },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    parseOptions: protection.parseOptions,
    validationRules: protection.validationRules,
    // Cache hints are not used: the response cache follows the data generation instead (decision 0070).
    // Apollo's landing page loads from a CDN: the gateway serves its own explorer instead (decision 0083).
    plugins: [
      operationMetricsPlugin<GatewayContext>(metrics),
      ...protection.plugins,
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      trustedDocumentsPlugin(options.trustedDocuments),
      ...(cache ? [cache.plugin()] : []),
    ],
    // Persisted queries are resolved before the response cache looks a request up (http/persisted-queries.ts).
    persistedQueries: false,
    // Simple requests (forms, images) are refused; browsers' JSON requests are preflighted by CORS (decision 0082).
    csrfPrevention: true,
    formatError: (formatted, error) => withoutSuggestions(formatError(formatted, error)),
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    introspection: !options.production,
    logger,
    // The process owner (scripts/src/cli/start.ts) stops services in order on SIGTERM/SIGINT.
    stopOnTerminationSignals: false,
  });
  return startGatewayServer(
    {
      apollo,
      http: { ...loadHttpConfig(options.production ?? false), ...options.http },
      logger,
      context: async ({ requestId, headers, logger: requestLogger, locals }) => {
        // The cache's shortcut has authenticated the caller already when it looked the request up.
        const authenticated = locals.credential ?? authenticateCaller(headers);
        const credential = await authenticated.catch((error: Error) => {
          requestLogger.warn({ reason: error.message }, "unauthenticated request refused");
          throw error;
        });
        return { requestId, headers, logger: requestLogger.child({ subject: credential.identity.subject }), ...credential, cacheProbe: locals.cacheProbe };
      },
      shortcut: cache?.shortcut(authenticateCaller),
      persistedQueries: new PersistedQueries(async (hash) => options.trustedDocuments?.document(hash)),
      maxQueryBytes: MAX_QUERY_BYTES,
      webApp: options.webAppDir === false ? null : WebApp.load(options.webAppDir),
      routes: {
        "/data-values/import": passThrough(indicatorsUrl, authenticateCaller),
        "/data-values/export": passThrough(indicatorsUrl, authenticateCaller),
        "/dhis2/api/dataValueSets": passThrough(indicatorsUrl, authenticateCaller),
        "/reports/document": passThrough(() => options.subgraphUrls?.plans ?? subgraphUrl(subgraphEntry("plans")), authenticateCaller),
        [YEARLY_REPORT_PATH]: yearlyReportRoute(apollo, authenticateCaller),
        [SDMX_PREFIX]: sdmxRoute(apollo, authenticateCaller),
        // Never in production, whatever the caller passed.
        ...(options.developmentTokens && !options.production ? { [DEV_TOKEN_PATH]: devTokenRoute(options.developmentTokens) } : {}),
      },
    },
    options.port,
    options.host,
  );
}

/** Largest query document the gateway parses; longer ones are refused with 413 (variables may be larger). */
export const MAX_QUERY_BYTES = 64 * 1024;
