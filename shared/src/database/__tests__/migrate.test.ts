import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";
import { type MigrationFile, migrate, readMigrations } from "../migrate";

const migration = (name: string, sql: string): MigrationFile => ({
  name,
  sql,
  checksum: crypto.createHash("sha256").update(sql).digest("hex"),
});

describe("migrate", () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterEach(() => db.dispose());

  const appliedNames = () =>
    db.withSession((s) => s.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`));

  it("applies the project's migrations once and records them as Prisma does", async () => {
    const first = await migrate(db);
    expect(first.applied).toEqual(readMigrations().map((m) => m.name));
    const second = await migrate(db);
    expect(second).toEqual({ applied: [], alreadyApplied: first.applied });
    const rows = await db.withSession((s) =>
      s.query<{ checksum: string; finished_at: Date | null; applied_steps_count: number }>(`SELECT * FROM "_prisma_migrations"`),
    );
    expect(rows).toHaveLength(first.applied.length);
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
    // `prisma migrate deploy` stores the SHA-256 of migration.sql; the same value keeps `migrate status` clean.
    expect(rows.map((r) => r.checksum).sort()).toEqual(
      readMigrations()
        .map((m) => m.checksum)
        .sort(),
    );
    expect(await db.prisma.area.count()).toBe(0);
  });

  it("rolls a failing migration back completely and applies nothing after it", async () => {
    const migrations = [
      migration("1_ok", "CREATE TABLE public.first_table (id int);"),
      migration("2_broken", "CREATE TABLE public.second_table (id int); SELECT * FROM no_such_table;"),
      migration("3_later", "CREATE TABLE public.third_table (id int);"),
    ];
    await expect(migrate(db, migrations)).rejects.toThrow(/Migration 2_broken failed: .*no_such_table/);
    expect((await appliedNames()).map((r) => r.migration_name)).toEqual(["1_ok"]);
    const tables = await db.withSession((s) =>
      s.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE '%_table' ORDER BY 1`,
      ),
    );
    expect(tables.map((t) => t.table_name)).toEqual(["first_table"]);
  });

  it("refuses to continue when an applied migration was edited", async () => {
    await migrate(db, [migration("1_ok", "CREATE TABLE public.t1 (id int);")]);
    await expect(migrate(db, [migration("1_ok", "CREATE TABLE public.t1 (id bigint);")])).rejects.toThrow(/edited after it was applied/);
  });

  it("reads migrations in Prisma's layout, in name order, ignoring other files", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
    for (const name of ["20260102_b", "20260101_a"]) {
      fs.mkdirSync(path.join(dir, name));
      fs.writeFileSync(path.join(dir, name, "migration.sql"), `-- ${name}\n`);
    }
    fs.writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
    expect(readMigrations(dir).map((m) => m.name)).toEqual(["20260101_a", "20260102_b"]);
  });
});
