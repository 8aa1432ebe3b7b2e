import type { IncomingHttpHeaders } from "node:http";
import type { Identity, Logger } from "@vnge/shared";

export interface GatewayContext {
  requestId: string;
  headers: IncomingHttpHeaders;
  logger: Logger;
  identity: Identity;
  /** The Authorization header the subgraphs receive: the caller's own token, or one the gateway issued for an API key. */
  subgraphAuthorization: string;
}
