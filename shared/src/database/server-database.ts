// Scratch databases on a PostgreSQL server, for the test suite and the benchmarks: each run gets a
// database of its own, dropped again afterwards, so runs never see each other's rows.
import crypto from "node:crypto";
import pg from "pg";

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
