// Hive Gateway (another vendor's federation gateway) serving the committed supergraph, so the
// benchmark can show the supergraph working, and what it costs, under a gateway other than ours.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { REQUEST_ID_HEADER, type RunningServer } from "@vnge/shared";

/** The part of the runtime's API used here. */
interface HiveRuntime {
  createGatewayRuntime(config: {
    supergraph: string;
    logging: "error";
    graphiql: false;
    landingPage: false;
    propagateHeaders: { fromClientToSubgraphs(payload: { request: Request }): Record<string, string | null> };
    unifiedGraphHandler?: unknown;
    transportEntries?: Record<string, { options: { deduplicateInflightRequests: boolean } }>;
  }): http.RequestListener & { dispose(): Promise<void> | void };
}

// Required without its type declarations: through graphql-yoga they widen graphql's
// GraphQLErrorExtensions for the whole program (http.headers as a record), which contradicts the
// Map that Apollo Server reads there and breaks the gateway's own type check.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createGatewayRuntime } = require("@graphql-hive/gateway-runtime") as HiveRuntime;

/**
 * The subgraphs verify every caller's token themselves, so the caller's Authorization header and the
 * request id must reach them; nothing else of the client's request is passed on.
 */
const FORWARDED_HEADERS = ["authorization", REQUEST_ID_HEADER] as const;

/**
 * With `rustPlanner`, Hive Gateway plans with Hive Router's query planner (a native addon) and executes the plans
 * with that runtime's executor (@graphql-hive/router-runtime) instead of its default JavaScript stitching runtime.
 * With `unshared`, it sends every subgraph request: by default it sends identical requests in flight (same body and
 * headers, so the same caller) once and shares the answer, which the benchmark's one token makes the common case.
 */
export async function startHiveGateway(options: {
  supergraphSdl: string;
  port: number;
  host: string;
  rustPlanner?: boolean;
  unshared?: boolean;
}): Promise<Omit<RunningServer, "drain">> {
  const gateway = createGatewayRuntime({
    ...(options.unshared ? { transportEntries: { "*.http": { options: { deduplicateInflightRequests: false } } } } : {}),
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    ...(options.rustPlanner ? { unifiedGraphHandler: (require("@graphql-hive/router-runtime") as { unifiedGraphHandler: unknown }).unifiedGraphHandler } : {}),
    supergraph: options.supergraphSdl,
    logging: "error",
    graphiql: false,
    landingPage: false,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => Object.fromEntries(FORWARDED_HEADERS.map((name) => [name, request.headers.get(name)])),
    },
  });
  const server = http.createServer(gateway);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host}:${port}/graphql`,
    port,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await gateway.dispose();
    },
  };
}
