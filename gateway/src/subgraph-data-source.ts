import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { REQUEST_ID_HEADER } from "@vnge/shared";
import type { GatewayContext } from "./context";

/** Only the request id and a verifiable credential travel to the subgraphs: nothing else of the client's request. */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers || !context?.requestId) return; // requests made without a client carry nothing
    headers.set(REQUEST_ID_HEADER, context.requestId);
    headers.set("authorization", context.subgraphAuthorization);
    const language = context.headers["accept-language"];
    if (typeof language === "string") headers.set("accept-language", language);
  }
}
