// The key of a cached answer: the request as sent and everything about the caller that can change the
// answer (roles and assigned areas decide scope, suppression and the partners' visibility rule), plus the
// day, since "the version in force today" and reporting deadlines depend on it; and the schema served.
import crypto from "node:crypto";
import type { Identity } from "@vnge/shared";

export interface CacheKeyInput {
  /** The supergraph served (a hash of it): a new schema never serves answers computed under the old one. */
  schema: string;
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  identity: Identity;
  language?: string;
  today?: Date;
}

export function cacheKey(input: CacheKeyInput): string {
  const { identity } = input;
  const parts = [
    input.schema,
    input.query,
    input.operationName ?? null,
    input.variables ?? null,
    [...identity.roles].sort(),
    [...identity.areaCodes].sort(),
    identity.via,
    input.language ?? null,
    (input.today ?? new Date()).toISOString().slice(0, 10),
  ];
  return crypto.createHash("sha256").update(JSON.stringify(parts)).digest("base64url");
}
