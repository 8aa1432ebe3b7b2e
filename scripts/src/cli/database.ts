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
