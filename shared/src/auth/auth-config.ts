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
  /** True when `secret` is the checkout's own development secret (no identity provider or secret configured); absent: false. */
  developmentSecret?: boolean;
  /** RS256: PEM public key, or a JWKS URL (e.g. the identity provider's). */
  publicKeyPem?: string;
  jwksUrl?: string;
  /** HS256 secret shared by the gateway and subgraphs for tokens the gateway issues to API-key callers. */
  internalSecret: Uint8Array;
  /** Lifetime of tokens the gateway issues, in seconds. */
  internalTokenTtl: number;
}

export const INTERNAL_ISSUER = "gateway";

/** Where the secrets of a development checkout are kept (.data/, never committed). */
export interface DevSecretFiles {
  /** Signs and verifies user tokens (`npm run token`). */
  user: string;
  /** Signs and verifies the system's own tokens: never the user secret, so a user token cannot pose as the gateway's. */
  internal: string;
}

export const DEV_SECRET_FILE = path.join(repoRoot, ".data", "auth-dev-secret");
export const DEV_INTERNAL_SECRET_FILE = path.join(repoRoot, ".data", "auth-dev-internal-secret");
const DEV_SECRET_FILES: DevSecretFiles = { user: DEV_SECRET_FILE, internal: DEV_INTERNAL_SECRET_FILE };

/**
 * A secret made once per checkout: every process of the checkout reads the same one. Written to a
 * temporary file and linked into place, so processes starting together agree on one whole secret.
 */
function devSecret(file: string): Uint8Array {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const draft = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}`;
    fs.writeFileSync(draft, crypto.randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
    try {
      fs.linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error; // another process made it first
    } finally {
      fs.rmSync(draft, { force: true });
    }
  }
  return new TextEncoder().encode(fs.readFileSync(file, "utf8").trim());
}

function secretFrom(value: string, name: string): Uint8Array {
  if (value.length < 32) throw new Error(`${name} must be at least 32 characters`);
  return new TextEncoder().encode(value);
}

export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env, devFiles: DevSecretFiles = DEV_SECRET_FILES): AuthConfig {
  const production = env.NODE_ENV === "production";
  const publicKeyPem = env.AUTH_JWT_PUBLIC_KEY || undefined;
  const jwksUrl = env.AUTH_JWKS_URL || undefined;
  let secret = env.AUTH_JWT_SECRET ? secretFrom(env.AUTH_JWT_SECRET, "AUTH_JWT_SECRET") : undefined;
  const developmentSecret = !secret && !publicKeyPem && !jwksUrl;
  if (developmentSecret) {
    if (production) throw new Error("Set AUTH_JWKS_URL, AUTH_JWT_PUBLIC_KEY or AUTH_JWT_SECRET in production");
    secret = devSecret(devFiles.user);
  }
  let internalSecret = env.AUTH_INTERNAL_SECRET ? secretFrom(env.AUTH_INTERNAL_SECRET, "AUTH_INTERNAL_SECRET") : undefined;
  if (!internalSecret) {
    if (production) throw new Error("Set AUTH_INTERNAL_SECRET (shared by the gateway and the subgraphs)");
    internalSecret = devSecret(devFiles.internal);
  }
  if (secret && Buffer.from(secret).equals(Buffer.from(internalSecret))) {
    throw new Error("AUTH_INTERNAL_SECRET must differ from AUTH_JWT_SECRET: whoever signs user tokens could otherwise sign the gateway's");
  }
  return {
    issuer: env.AUTH_JWT_ISSUER ?? "vnge",
    audience: env.AUTH_JWT_AUDIENCE ?? "vnge-api",
    secret,
    developmentSecret,
    publicKeyPem,
    jwksUrl,
    internalSecret,
    internalTokenTtl: 300,
  };
}
