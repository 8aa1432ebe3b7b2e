import type { IncomingHttpHeaders } from "node:http";
import type { Identity, Logger, RequestInfo } from "@vnge/shared";
import type { Credential } from "./authenticate";
import type { CacheProbe } from "./response-cache/response-cache.store";

/** What the response cache's shortcut learnt about a request it did not answer, handed on to the request's context. */
export interface GatewayLocals {
  /** The caller's authentication (its credential or its refusal): an API key's request is counted once. */
  credential?: Promise<Credential>;
  /** The cache's lookup of a miss. */
  cacheProbe?: CacheProbe;
}

/** A request as the gateway's server hands it to the shortcut and the context. */
export type GatewayRequest = RequestInfo<GatewayLocals>;

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
