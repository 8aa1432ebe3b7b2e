import type { Role } from "./roles";

/** Who is calling, established from a verified credential (never from a forwarded header). */
export interface Identity {
  subject: string;
  roles: ReadonlySet<Role>;
  /** Assigned areas: the scope is each of them and everything beneath it ("VN": the whole country). */
  areaCodes: readonly string[];
  /** The agency the caller works for, if the credential names one: its data entry is confined to what the agency reports. */
  agencyCode?: string | null;
  /** How the caller proved who it is: its own token, or a token the system issued (for an API key, or a service). */
  via: "token" | "internal";
}

export function hasAnyRole(identity: Identity, roles: readonly Role[]): boolean {
  return roles.some((role) => identity.roles.has(role));
}
