// Partner API keys: issued once (only a hash is kept), revocable, expiring, rate-limited per minute
// with counters in the database so every gateway copy shares them. A valid key is exchanged for a
// short-lived token that the subgraphs verify like any other.
import crypto from "node:crypto";
import { GraphQLError } from "graphql";
import { type AuthConfig, type Database, NATION_CODE, Role, UnauthenticatedError, signInternalToken } from "@vnge/shared";
import type { Credential } from "../authenticate";
import { type ApiKeyRow, ApiKeyStore } from "./api-key.store";

const KEY_PREFIX = "vnge_";
const WINDOW_MS = 60_000;

/** Keys carry 256 random bits, so a fast hash is enough (nothing to brute-force). */
export const hashApiKey = (key: string) => crypto.createHash("sha256").update(key).digest("hex");

export class RateLimitedError extends GraphQLError {
  constructor(retryAfterSeconds: number) {
    super(`Rate limit exceeded for this API key; retry in ${retryAfterSeconds} s`, {
      extensions: {
        code: "RATE_LIMITED",
        retryAfter: retryAfterSeconds,
        http: { status: 429, headers: new Map([["retry-after", String(retryAfterSeconds)]]) },
      },
    });
  }
}

export interface NewApiKey {
  name: string;
  /** Areas whose published aggregates the partner may read; none given means the whole country. */
  areaCodes: string[];
  expiresAt: Date;
  rateLimitPerMinute?: number;
  /** Accept only registered operations from this key (trusted documents, decision 0103). */
  trustedDocumentsOnly?: boolean;
}

export class ApiKeyService {
  private readonly store: ApiKeyStore;

  constructor(
    db: Database,
    private readonly auth: AuthConfig,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.store = new ApiKeyStore(db);
  }

  /** Creates a key and returns it in clear text: the only time it is ever shown. */
  async create(input: NewApiKey): Promise<{ key: string; row: ApiKeyRow }> {
    if (!input.name.trim()) throw new Error("an API key needs a name");
    if (input.expiresAt <= this.now()) throw new Error("the expiry must be in the future");
    const rate = input.rateLimitPerMinute ?? 600;
    if (!Number.isInteger(rate) || rate < 1) throw new Error("the rate limit must be a positive whole number of requests per minute");
    const key = `${KEY_PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
    const row = await this.store.create({
      name: input.name.trim(),
      prefix: key.slice(0, KEY_PREFIX.length + 8),
      hash: hashApiKey(key),
      areaCodes: input.areaCodes.length > 0 ? input.areaCodes : [NATION_CODE],
      rateLimitPerMinute: rate,
      expiresAt: input.expiresAt,
      trustedDocumentsOnly: input.trustedDocumentsOnly ?? false,
    });
    return { key, row };
  }

  list(): Promise<ApiKeyRow[]> {
    return this.store.list();
  }

  revoke(prefix: string): Promise<boolean> {
    return this.store.revoke(prefix, this.now());
  }

  /** Checks a presented key, counts the request against its limit, and issues the subgraphs' token. */
  async authenticate(key: string): Promise<Credential> {
    const row = await this.store.findByHash(hashApiKey(key));
    const now = this.now();
    if (!row) throw new UnauthenticatedError("The API key is not valid");
    if (row.revokedAt) throw new UnauthenticatedError("The API key has been revoked");
    if (row.expiresAt <= now) throw new UnauthenticatedError("The API key has expired");

    const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
    const count = await this.store.countRequest(row.id, windowStart);
    if (count === 1) await this.store.forgetWindowsBefore(row.id, windowStart);
    if (count > row.rateLimitPerMinute) {
      throw new RateLimitedError(Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000)));
    }

    const subject = `api-key:${row.prefix}`;
    const token = await signInternalToken(this.auth, subject, [Role.PARTNER], row.areaCodes);
    return {
      identity: { subject, roles: new Set([Role.PARTNER]), areaCodes: row.areaCodes, agencyCode: null, via: "internal" },
      subgraphAuthorization: `Bearer ${token}`,
      trustedDocumentsOnly: row.trustedDocumentsOnly,
    };
  }
}
