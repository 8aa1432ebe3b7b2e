import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { REQUEST_ID_HEADER } from "@vnge/shared";
import type { GatewayContext } from "./context";

/** Headers the subgraphs need from the client's request: the caller's credentials and the request id. */
const FORWARDED_HEADERS = ["authorization", "x-api-key", "accept-language"];

export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers || !context?.requestId) return; // health checks and schema loading carry no client context
    headers.set(REQUEST_ID_HEADER, context.requestId);
    for (const name of FORWARDED_HEADERS) {
      const value = context.headers[name];
      if (typeof value === "string") headers.set(name, value);
    }
  }
}
