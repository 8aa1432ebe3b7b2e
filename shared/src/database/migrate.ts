// Applies prisma/migrations in Prisma's standard layout and records them in `_prisma_migrations`
// exactly as `prisma migrate deploy` does, so the Prisma CLI sees the same state
// (see docs/decisions/0001-migrations.md for why we do not shell out to the CLI).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "../config";
import type { Database, SqlSession } from "./client";

export const MIGRATIONS_DIR = path.join(repoRoot, "prisma", "migrations");

/** Arbitrary constant: every process migrating the same database waits on this advisory lock. */
const MIGRATION_LOCK_KEY = 7_236_452_901;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

export function readMigrations(dir: string = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export async function migrate(db: Database, migrations: MigrationFile[] = readMigrations()): Promise<MigrationResult> {
  return db.withSession(async (session) => {
    await session.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      return await applyPending(session, migrations);
    } finally {
      await session.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  });
}

async function applyPending(session: SqlSession, migrations: MigrationFile[]): Promise<MigrationResult> {
  await session.exec(CREATE_MIGRATIONS_TABLE);
  const rows = await session.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
  );
  const recorded = new Map(rows.map((row) => [row.migration_name, row]));
  const failed = rows.find((row) => row.finished_at === null);
  if (failed) {
    throw new Error(`Migration ${failed.migration_name} started but never finished; resolve it before migrating again.`);
  }

  const result: MigrationResult = { applied: [], alreadyApplied: [] };
  for (const migration of migrations) {
    const previous = recorded.get(migration.name);
    if (previous) {
      if (previous.checksum !== migration.checksum) {
        throw new Error(`Migration ${migration.name} was edited after it was applied (checksum differs).`);
      }
      result.alreadyApplied.push(migration.name);
      continue;
    }
    // DDL is transactional in PostgreSQL: a failing migration leaves no trace.
    await session.exec("BEGIN");
    try {
      await session.exec(migration.sql);
      await session.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES ($1, $2, now(), $3, now(), 1)`,
        [crypto.randomUUID(), migration.checksum, migration.name],
      );
      await session.exec("COMMIT");
    } catch (error) {
      await session.exec("ROLLBACK");
      throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
    }
    result.applied.push(migration.name);
  }
  return result;
}
