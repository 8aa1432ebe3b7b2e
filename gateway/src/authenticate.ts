// The gateway refuses unauthenticated requests before planning them, and hands the subgraphs a
// credential they verify themselves.
import { type Identity, type TokenVerifier, UnauthenticatedError, bearerToken } from "@vnge/shared";
import type { IncomingHttpHeaders } from "node:http";

export interface Credential {
  identity: Identity;
  subgraphAuthorization: string;
  /** Only registered operations are accepted from this caller (an API key so marked, decision 0103). */
  trustedDocumentsOnly?: boolean;
}

/** Resolves an API key to an identity and a token for the subgraphs (see api-keys.ts). */
export type ApiKeyAuthenticator = (key: string) => Promise<Credential>;

export async function authenticate(headers: IncomingHttpHeaders, verifyToken: TokenVerifier, apiKeys?: ApiKeyAuthenticator): Promise<Credential> {
  const token = bearerToken(headers.authorization);
  if (token) return { identity: await verifyToken(token), subgraphAuthorization: `Bearer ${token}` };
  const apiKey = headers["x-api-key"];
  if (typeof apiKey === "string" && apiKey !== "" && apiKeys) return apiKeys(apiKey);
  throw new UnauthenticatedError();
}
