// A fresh, migrated database per test file: in-memory PGlite by default, or a new database on the
// PostgreSQL server named by TEST_DATABASE_URL (dropped again afterwards).
import crypto from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../database/client";
import { migrate } from "../database/migrate";

export interface TestDatabase extends Database {
  /** Connection URL when the database lives on a PostgreSQL server. */
  url?: string;
  dispose(): Promise<void>;
}

export const testServerUrl = (): string | undefined => process.env.TEST_DATABASE_URL || undefined;

export function withDatabaseName(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Creates an empty scratch database on a server (no migrations); returns its URL and a drop function. */
export async function createServerDatabase(serverUrl: string, prefix = "vnge_test"): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${crypto.randomBytes(6).toString("hex")}`;
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  return {
    url: withDatabaseName(serverUrl, name),
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  let db: Database;
  let url: string | undefined;
  let drop: () => Promise<void> = async () => undefined;
  if (serverUrl) {
    const created = await createServerDatabase(serverUrl);
    url = created.url;
    drop = created.drop;
    db = await openDatabase({ url, poolSize: 5 });
  } else {
    db = await openDatabase({ poolSize: 1 });
  }
  if (options.migrate ?? true) await migrate(db);
  return {
    ...db,
    url,
    async dispose() {
      await db.close();
      await drop();
    },
  };
}
