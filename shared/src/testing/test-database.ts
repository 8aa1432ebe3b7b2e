// A fresh, migrated database per test file: in-memory PGlite by default, or a new database on the
// PostgreSQL server named by TEST_DATABASE_URL (dropped again afterwards).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Database, openDatabase } from "../database/client";
import { migrate, readMigrations } from "../database/migrate";
import { createServerDatabase } from "../database/server-database";

export interface TestDatabase extends Database {
  /** Connection URL when the database lives on a PostgreSQL server. */
  url?: string;
  dispose(): Promise<void>;
}

export const testServerUrl = (): string | undefined => process.env.TEST_DATABASE_URL || undefined;

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  const migrated = options.migrate ?? true;
  let db: Database;
  let url: string | undefined;
  let drop: () => Promise<void> = async () => undefined;
  if (serverUrl) {
    const created = await createServerDatabase(serverUrl);
    url = created.url;
    drop = created.drop;
    db = await openDatabase({ url, poolSize: 5 });
    if (migrated) await migrate(db);
  } else {
    db = await openDatabase({ poolSize: 1, template: await pgliteTemplate(migrated) });
  }
  return {
    ...db,
    url,
    async dispose() {
      await db.close();
      await drop();
    },
  };
}

/**
 * A new in-memory PGlite spends seconds in initdb, more than most test files spend testing: every scratch database
 * starts instead from a dump of one made earlier, empty or migrated, kept in the system's temporary folder under a
 * name that changes with PGlite's version and the migrations, so a stale one is never used.
 */
async function pgliteTemplate(migrated: boolean): Promise<Blob> {
  const file = templateFile(migrated);
  if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
  const db = await openDatabase({ poolSize: 1 });
  try {
    if (migrated) await migrate(db);
    const dump = (await db.dumpDataDir())!;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // written aside and renamed, so a reader never sees half a file
    const draft = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}`;
    fs.writeFileSync(draft, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(draft, file);
    return dump;
  } finally {
    await db.close();
  }
}

function templateFile(migrated: boolean): string {
  // the package exports no package.json: it is read beside the entry point (dist/index.cjs)
  const manifest = path.join(path.dirname(require.resolve("@electric-sql/pglite")), "..", "package.json");
  const pgliteVersion = (JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string }).version;
  const hash = crypto.createHash("sha256").update(`pglite ${pgliteVersion}`);
  if (migrated) for (const migration of readMigrations()) hash.update(`${migration.name} ${migration.checksum}`);
  return path.join(os.tmpdir(), "vnge-test-pglite", `${migrated ? "migrated" : "empty"}-${hash.digest("hex").slice(0, 16)}.tar`);
}
