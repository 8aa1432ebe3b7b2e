import { type AuthConfig, INTERNAL_ISSUER } from "./auth-config";
import type { Role } from "./roles";
import { signToken } from "./tokens";

/**
 * A short-lived token the system issues to itself: the gateway for an API-key caller, or a
 * subgraph calling another (e.g. pushing aggregates to the indicators subgraph). Subgraphs
 * verify it like any token; its issuer is the gateway's and its key AUTH_INTERNAL_SECRET.
 */
export function signInternalToken(auth: AuthConfig, subject: string, roles: readonly Role[], areaCodes: readonly string[]): Promise<string> {
  return signToken(
    { subject, roles, areaCodes },
    { secret: auth.internalSecret, issuer: INTERNAL_ISSUER, audience: auth.audience, expiresInSeconds: auth.internalTokenTtl },
  );
}
