// The key of a cached answer: the request as sent, everything about the caller that can change the
// answer (roles and assigned areas decide scope, suppression and the partners' visibility rule), the
// clock period (the version in force and reporting deadlines depend on it), and what is served: the
// schema and the mode (introspection is refused in production).
import crypto from "node:crypto";
import type { Identity } from "@vnge/shared";
import { clockPeriod } from "./clock-period";

export interface CacheKeyInput {
  /** The supergraph served (a hash of it): a new schema never serves answers computed under the old one. */
  schema: string;
  /** How the gateway runs ("production" or "development"): the same request can be answered differently. */
  mode: string;
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  identity: Identity;
  language?: string;
  now?: Date;
}

export function cacheKey(input: CacheKeyInput): string {
  const { identity } = input;
  const parts = [
    input.schema,
    input.mode,
    input.query,
    input.operationName ?? null,
    input.variables ?? null,
    [...identity.roles].sort(),
    [...identity.areaCodes].sort(),
    identity.via,
    input.language ?? null,
    clockPeriod(input.now),
  ];
  return crypto.createHash("sha256").update(JSON.stringify(parts)).digest("base64url");
}
