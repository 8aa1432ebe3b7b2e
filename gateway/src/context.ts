import type { IncomingHttpHeaders } from "node:http";
import type { Identity, Logger } from "@vnge/shared";
import type { CacheProbe } from "./response-cache/response-cache";

export interface GatewayContext {
  requestId: string;
  headers: IncomingHttpHeaders;
  logger: Logger;
  identity: Identity;
  /** The Authorization header the subgraphs receive: the caller's own token, or one the gateway issued for an API key. */
  subgraphAuthorization: string;
  /** Set for an API key limited to registered operations (trusted documents, decision 0103). */
  trustedDocumentsOnly?: boolean;
  /** What the response cache found for this request before Apollo Server took it (a miss). */
  cacheProbe?: CacheProbe;
}
