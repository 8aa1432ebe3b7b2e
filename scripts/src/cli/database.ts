import fs from "node:fs";
import path from "node:path";
import { type Database, loadConfig, openDatabase } from "@vnge/shared";

/** Opens the configured database (DATABASE_URL, else the embedded PGlite directory) for one command. */
export async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase(config.database);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

export function describeDatabase(): string {
  const config = loadConfig();
  return config.database.url ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite at ${config.database.dataDir}`;
}

/**
 * Refuses to open the embedded database while another process has it open: PGlite is one process's
 * database, and a second one aborts (or damages its files). PGlite keeps postmaster.pid in its directory
 * while open and removes it on close; a process killed outright leaves it behind.
 */
export function refuseEmbeddedInUse(action: string): void {
  const config = loadConfig();
  if (config.database.url) return;
  const pidFile = path.join(config.database.dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  throw new Error(
    `cannot ${action}: the embedded database at ${config.database.dataDir} is open in another process (is the system running? npm start). ` +
      "Ask the running system instead: give a credential with TOKEN=$(npm run -s token -- --role ANALYST --area VN) or API_KEY=<key> " +
      `(and --url if the gateway is not at http://127.0.0.1:4000). If no process has it open (one was killed), remove ${pidFile}.`,
  );
}
