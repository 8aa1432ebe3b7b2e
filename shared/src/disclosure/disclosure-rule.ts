// The one rule for figures leaving the system (docs/decisions/0080-one-disclosure-rule.md): who sees
// figures derived from case records exactly, and who sees approved data only. Every output that carries a
// figure (indicator values, history, validation results, case statistics, exports) asks this rule.
import type { Identity } from "../auth/identity";
import { Role } from "../auth/roles";
import { hasAnyRole } from "../auth/identity";

export interface DisclosureRule {
  /** Sees figures derived from case records exactly: administrators and case workers (in scope), never a partner. */
  readonly exactConfidential: boolean;
  /** Sees approved data only: a partner holding no other role (docs/decisions/0054). */
  readonly approvedOnly: boolean;
  /** Everyone else sees confidential counts from 1 to threshold - 1 (and their complements) suppressed. */
  readonly threshold: number;
}

/** Published counts below this are suppressed for callers who are not case workers in scope (default 5). */
export function suppressionThreshold(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CASE_SUPPRESSION_THRESHOLD;
  if (raw === undefined || raw === "") return 5;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`CASE_SUPPRESSION_THRESHOLD must be a whole number >= 1, got "${raw}"`);
  return value;
}

export function disclosureRule(identity: Identity, threshold: number = suppressionThreshold()): DisclosureRule {
  return {
    exactConfidential: hasAnyRole(identity, [Role.ADMIN, Role.CASE_WORKER]) && !identity.roles.has(Role.PARTNER),
    approvedOnly: !hasAnyRole(identity, [Role.ADMIN, Role.DATA_ENTRY, Role.APPROVER, Role.CASE_WORKER, Role.ANALYST]),
    threshold,
  };
}
