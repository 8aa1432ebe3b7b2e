// Bearer tokens: verification with a fixed algorithm list (so `alg: none` and algorithm swaps fail),
// issuer, audience and expiry checked, and claims turned into an Identity.
import { type JWTPayload, type JWTVerifyOptions, SignJWT, createRemoteJWKSet, decodeJwt, importSPKI, jwtVerify } from "jose";
import { UnauthenticatedError } from "../errors";
import { type AuthConfig, INTERNAL_ISSUER } from "./auth-config";
import type { Identity } from "./identity";
import { type Role, isRole } from "./roles";

export interface TokenClaims {
  subject: string;
  roles: readonly Role[];
  areaCodes: readonly string[];
  /** The agency the user works for (claim `agency`), e.g. "62-SKHDT": data entry is then only for what it reports. */
  agencyCode?: string | null;
}

export type TokenVerifier = (token: string) => Promise<Identity>;

type Verify = (token: string, options: JWTVerifyOptions) => Promise<{ payload: JWTPayload }>;

/** How user tokens are checked: a JWKS endpoint, an RS256 public key, or the HS256 secret. */
function userTokenVerifier(config: AuthConfig): { verify: Verify; algorithms: string[] } {
  if (config.jwksUrl) {
    const jwks = createRemoteJWKSet(new URL(config.jwksUrl));
    return { verify: (token, options) => jwtVerify(token, jwks, options), algorithms: ["RS256"] };
  }
  if (config.publicKeyPem) {
    const key = importSPKI(config.publicKeyPem, "RS256");
    return { verify: async (token, options) => jwtVerify(token, await key, options), algorithms: ["RS256"] };
  }
  const secret = config.secret;
  if (!secret) throw new Error("no key configured for user tokens");
  return { verify: (token, options) => jwtVerify(token, secret, options), algorithms: ["HS256"] };
}

export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  // One key for both would let anyone who signs user tokens sign the gateway's (issuer "gateway").
  if (config.secret && Buffer.from(config.secret).equals(Buffer.from(config.internalSecret))) {
    throw new Error("the internal secret must differ from the user token secret");
  }
  const user = userTokenVerifier(config);
  const gateway: Verify = (token, options) => jwtVerify(token, config.internalSecret, options);

  return async (token) => {
    let issuer: unknown;
    try {
      issuer = decodeJwt(token).iss; // unverified: only picks which key must verify it
    } catch {
      throw new UnauthenticatedError("The bearer token is malformed");
    }
    const internal = issuer === INTERNAL_ISSUER;
    let payload: JWTPayload;
    try {
      ({ payload } = await (internal ? gateway : user.verify)(token, {
        algorithms: internal ? ["HS256"] : user.algorithms,
        issuer: internal ? INTERNAL_ISSUER : config.issuer,
        audience: config.audience,
        requiredClaims: ["sub", "exp"],
      }));
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new UnauthenticatedError(code === "ERR_JWT_EXPIRED" ? "The bearer token has expired" : "The bearer token is not valid");
    }
    return identityFromClaims(payload, internal ? "internal" : "token");
  };
}

function identityFromClaims(payload: JWTPayload, via: Identity["via"]): Identity {
  const roles = payload.roles;
  const areas = payload.areas ?? [];
  if (!Array.isArray(roles) || !roles.every(isRole)) throw new UnauthenticatedError("The token's roles claim is not a list of known roles");
  if (!Array.isArray(areas) || !areas.every((code) => typeof code === "string")) {
    throw new UnauthenticatedError("The token's areas claim is not a list of area codes");
  }
  const agency = payload.agency;
  if (agency !== undefined && agency !== null && (typeof agency !== "string" || agency === "")) {
    throw new UnauthenticatedError("The token's agency claim is not an agency code");
  }
  return { subject: payload.sub as string, roles: new Set(roles), areaCodes: areas, agencyCode: agency ?? null, via };
}

/** Signs an HS256 token (dev tokens, the gateway's tokens for API-key callers, tests). */
export function signToken(claims: TokenClaims, options: { secret: Uint8Array; issuer: string; audience: string; expiresInSeconds: number }): Promise<string> {
  return new SignJWT({ roles: [...claims.roles], areas: [...claims.areaCodes], ...(claims.agencyCode ? { agency: claims.agencyCode } : {}) })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.subject)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + options.expiresInSeconds)
    .sign(options.secret);
}

/** The token in an `Authorization: Bearer ...` header, if any. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}
