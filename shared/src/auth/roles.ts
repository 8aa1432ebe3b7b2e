// Roles a user can hold (several at once). What each may do is listed in docs/security.md.
export enum Role {
  ADMIN = "ADMIN",
  DATA_ENTRY = "DATA_ENTRY",
  APPROVER = "APPROVER",
  CASE_WORKER = "CASE_WORKER",
  ANALYST = "ANALYST",
  PARTNER = "PARTNER",
  /** Defines, changes and retires the local indicator catalogue of the areas in scope (docs/decisions/0084). */
  CATALOGUE_MANAGER = "CATALOGUE_MANAGER",
}

export const ROLES: readonly Role[] = Object.values(Role);

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
