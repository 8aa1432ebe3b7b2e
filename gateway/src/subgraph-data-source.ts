import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GraphQLError } from "graphql";
import { REQUEST_ID_HEADER, ServiceUnavailableError, injectTraceContext } from "@vnge/shared";
import type { GatewayContext } from "./context";

/**
 * Only the request id and a verifiable credential travel to the subgraphs: nothing else of the client's request.
 * Requests go through Node's own fetch (undici) rather than the default make-fetch-happen: it costs the gateway less
 * CPU per subgraph call, and it closes a pooled connection before the subgraph's keep-alive timeout ends it, where
 * the default kept idle connections for ever and now and then sent a query on one the subgraph had just closed
 * (ECONNRESET, answered to the client as a service unavailable; docs/decisions/0116-read-path-cpu.md).
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override fetcher = globalThis.fetch as unknown as RemoteGraphQLDataSource["fetcher"];

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers || !context?.requestId) return; // requests made without a client carry nothing
    headers.set(REQUEST_ID_HEADER, context.requestId);
    injectTraceContext(headers);
    headers.set("authorization", context.subgraphAuthorization);
    const language = context.headers["accept-language"];
    if (typeof language === "string") headers.set("accept-language", language);
  }

  /**
   * A subgraph copy that died or restarts mid-request is answered by the load balancer with 502, 503 or 504: the client
   * hears SERVICE_UNAVAILABLE, which it may retry (decision 0119), instead of an internal error.
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource["errorFromResponse"]>[0]): Promise<GraphQLError> {
    if (UNAVAILABLE_STATUSES.has(response.status)) return new ServiceUnavailableError();
    return super.errorFromResponse(response);
  }
}

const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);
