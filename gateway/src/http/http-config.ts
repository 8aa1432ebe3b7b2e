// How the gateway meets browsers, read from the environment (decision 0082): which origins may call it
// from a page (CORS_ORIGINS) and whether it serves the explorer (EXPLORER).
import { type OriginRule, parseOrigins } from "./origins";

export interface HttpConfig {
  /** Origins whose pages may call the gateway; "*" lets any page call it (never with credentials). */
  corsOrigins: readonly OriginRule[] | "*";
  /** Serve the explorer at GET /graphql (browsers) and its files under /explorer/. */
  explorer: boolean;
}

/** Local development servers (Vite, webpack, a static file server) on any port. */
export const DEVELOPMENT_ORIGINS = "http://localhost:*,http://127.0.0.1:*,http://[::1]:*";

export function loadHttpConfig(production: boolean, env: NodeJS.ProcessEnv = process.env): HttpConfig {
  const origins = env.CORS_ORIGINS ?? (production ? "" : DEVELOPMENT_ORIGINS);
  const explorer = env.EXPLORER;
  if (explorer !== undefined && explorer !== "" && explorer !== "on" && explorer !== "off") {
    throw new Error(`EXPLORER must be "on" or "off", got "${explorer}"`);
  }
  return {
    corsOrigins: origins.trim() === "*" ? "*" : parseOrigins(origins),
    explorer: explorer === "on" || (!production && explorer !== "off"),
  };
}
