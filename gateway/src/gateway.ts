// The gateway: Apollo Server + Apollo Gateway over the committed supergraph, served with the same
// HTTP plumbing (health, readiness, request ids) as the subgraphs.
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { type RunningServer, createErrorFormatter, serviceLogger, startServiceServer } from "@vnge/shared";
import type { GatewayContext } from "./context";
import { SubgraphDataSource } from "./subgraph-data-source";
import { readSupergraph } from "./supergraph";

export interface GatewayOptions {
  port: number;
  host?: string;
  production?: boolean;
  /** Subgraph name -> URL; names not listed keep the URL composed into the supergraph. */
  subgraphUrls?: Record<string, string>;
  supergraphSdl?: string;
}

export async function startGateway(options: GatewayOptions): Promise<RunningServer> {
  const logger = serviceLogger("gateway");
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? readSupergraph(),
    buildService: ({ name, url }) => new SubgraphDataSource({ url: options.subgraphUrls?.[name] ?? url }),
    logger,
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: createErrorFormatter(logger, {
      unavailable: { message: "A service needed for this query is unavailable; try again shortly.", code: "SERVICE_UNAVAILABLE" },
    }),
    includeStacktraceInErrorResponses: false,
    introspection: !options.production,
    logger,
    // The process owner (scripts/src/cli/start.ts) stops services in order on SIGTERM/SIGINT.
    stopOnTerminationSignals: false,
  });
  return startServiceServer(
    {
      name: "gateway",
      apollo,
      logger,
      context: async ({ requestId, headers, logger: requestLogger }) => ({ requestId, headers, logger: requestLogger }),
      readiness: async () => undefined,
    },
    options.port,
    options.host,
  );
}
