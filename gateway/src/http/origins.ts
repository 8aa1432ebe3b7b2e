// Allowed origins as configured: exact origins, or patterns with one `*` for the port
// (`http://localhost:*`) or for the leftmost host labels (`https://*.example.gov.vn`). Anything
// else is refused at start, so a typo cannot open the gateway to every page.
export interface OriginRule {
  scheme: string;
  /** The host, or its suffix after `*.` (".example.gov.vn"). */
  host: string;
  subdomains: boolean;
  /** The port as written in the origin ("" for the scheme's default), or "*" for any. */
  port: string;
}

const PATTERN = /^(https?):\/\/(\*\.)?(\[[0-9a-f:]+\]|[a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::(\*|\d{1,5}))?$/i;

export function parseOrigin(text: string): OriginRule {
  const match = PATTERN.exec(text.trim());
  if (!match) throw new Error(`CORS_ORIGINS: "${text}" is not an origin (scheme://host[:port], "*" for any port or leading labels)`);
  const [, scheme, wildcard, host, port = ""] = match;
  const defaultPort = scheme.toLowerCase() === "https" ? "443" : "80";
  // Browsers leave the scheme's own port out of the Origin header.
  return {
    scheme: scheme.toLowerCase(),
    host: (wildcard ? "." : "") + host.toLowerCase(),
    subdomains: wildcard !== undefined,
    port: port === defaultPort ? "" : port,
  };
}

export function parseOrigins(list: string): OriginRule[] {
  return list
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .map(parseOrigin);
}

/** Whether the `Origin` header a browser sent is one of the rules. */
export function originAllowed(origin: string, rules: readonly OriginRule[]): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  // An origin has no path, user or query: anything else is not what a browser sends.
  if (url.origin !== origin.toLowerCase() && url.origin !== origin) return false;
  const scheme = url.protocol.slice(0, -1);
  const host = url.hostname.toLowerCase();
  return rules.some(
    (rule) =>
      rule.scheme === scheme &&
      (rule.subdomains ? host.endsWith(rule.host) && host.length > rule.host.length : host === rule.host) &&
      (rule.port === "*" || rule.port === url.port),
  );
}
