// Where tokens come from: an HS256 secret for the embedded default, RS256 with a public key or a
// JWKS endpoint in production; plus the secret the gateway signs its own short-lived tokens with.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "../config";

export interface AuthConfig {
  issuer: string;
  audience: string;
  /** HS256 secret for user tokens (embedded default and small deployments). */
  secret?: Uint8Array;
  /** RS256: PEM public key, or a JWKS URL (e.g. the identity provider's). */
  publicKeyPem?: string;
  jwksUrl?: string;
  /** HS256 secret shared by the gateway and subgraphs for tokens the gateway issues to API-key callers. */
  internalSecret: Uint8Array;
  /** Lifetime of tokens the gateway issues, in seconds. */
  internalTokenTtl: number;
}

export const INTERNAL_ISSUER = "gateway";
export const DEV_SECRET_FILE = path.join(repoRoot, ".data", "auth-dev-secret");

/** The embedded default's secret: made once per checkout, kept in .data/ (never committed). */
function devSecret(): Uint8Array {
  if (!fs.existsSync(DEV_SECRET_FILE)) {
    fs.mkdirSync(path.dirname(DEV_SECRET_FILE), { recursive: true });
    fs.writeFileSync(DEV_SECRET_FILE, crypto.randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  return new TextEncoder().encode(fs.readFileSync(DEV_SECRET_FILE, "utf8").trim());
}

function secretFrom(value: string, name: string): Uint8Array {
  if (value.length < 32) throw new Error(`${name} must be at least 32 characters`);
  return new TextEncoder().encode(value);
}

export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const production = env.NODE_ENV === "production";
  const publicKeyPem = env.AUTH_JWT_PUBLIC_KEY || undefined;
  const jwksUrl = env.AUTH_JWKS_URL || undefined;
  let secret = env.AUTH_JWT_SECRET ? secretFrom(env.AUTH_JWT_SECRET, "AUTH_JWT_SECRET") : undefined;
  if (!secret && !publicKeyPem && !jwksUrl) {
    if (production) throw new Error("Set AUTH_JWKS_URL, AUTH_JWT_PUBLIC_KEY or AUTH_JWT_SECRET in production");
    secret = devSecret();
  }
  let internalSecret = env.AUTH_INTERNAL_SECRET ? secretFrom(env.AUTH_INTERNAL_SECRET, "AUTH_INTERNAL_SECRET") : undefined;
  if (!internalSecret) {
    if (production || !secret) throw new Error("Set AUTH_INTERNAL_SECRET (shared by the gateway and the subgraphs)");
    internalSecret = secret;
  }
  return {
    issuer: env.AUTH_JWT_ISSUER ?? "vnge",
    audience: env.AUTH_JWT_AUDIENCE ?? "vnge-api",
    secret,
    publicKeyPem,
    jwksUrl,
    internalSecret,
    internalTokenTtl: 300,
  };
}
