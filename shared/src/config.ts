// Runtime configuration, read from the environment once per process.
import path from "node:path";

export interface DatabaseConfig {
  /** PostgreSQL server URL; when absent the embedded PGlite database is used. */
  url?: string;
  /** PGlite data directory (embedded mode only). */
  dataDir: string;
  /** Connections per service process (PostgreSQL only). */
  poolSize: number;
}

export interface ServiceConfig {
  host: string;
  production: boolean;
  logLevel: string;
  database: DatabaseConfig;
  /** The gateway answers repeated queries from its shared cache (RESPONSE_CACHE=off turns it off). */
  responseCache: boolean;
  /**
   * On SIGTERM, how long a copy goes on serving while its readiness says it is stopping, so a load balancer's health
   * check takes it out of rotation before it stops listening (SHUTDOWN_GRACE_MS; 0, the default, stops at once).
   */
  shutdownGraceMs: number;
}

/** Repository root, found from this file's location (works from src/ and dist/). */
export const repoRoot = path.resolve(__dirname, "..", "..");

function intFromEnv(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env, least = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < least) {
    throw new Error(`${name} must be ${least === 0 ? "a whole number of 0 or more" : "a positive integer"}, got "${raw}"`);
  }
  return value;
}

function onOffFromEnv(name: string, fallback: boolean, env: NodeJS.ProcessEnv): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (raw === "on" || raw === "off") return raw === "on";
  throw new Error(`${name} must be "on" or "off", got "${raw}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  return {
    host: env.HOST ?? "127.0.0.1",
    production: env.NODE_ENV === "production",
    logLevel: env.LOG_LEVEL ?? "info",
    database: {
      url: env.DATABASE_URL || undefined,
      dataDir: path.resolve(env.PGLITE_DATA_DIR ?? path.join(repoRoot, ".data", "pglite")),
      poolSize: intFromEnv("DATABASE_POOL_SIZE", 10, env),
    },
    responseCache: onOffFromEnv("RESPONSE_CACHE", true, env),
    shutdownGraceMs: intFromEnv("SHUTDOWN_GRACE_MS", 0, env, 0),
  };
}

/** Port of a service: `<NAME>_PORT` overrides the registry default. */
export function portFor(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  return intFromEnv(`${name.toUpperCase()}_PORT`, fallback, env);
}
