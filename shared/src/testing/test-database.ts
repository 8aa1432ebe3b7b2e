// A fresh, migrated database per test file: in-memory PGlite by default, or a new database on the
// PostgreSQL server named by TEST_DATABASE_URL (dropped again afterwards).
import { type Database, openDatabase } from "../database/client";
import { migrate } from "../database/migrate";
import { createServerDatabase } from "../database/server-database";

export interface TestDatabase extends Database {
  /** Connection URL when the database lives on a PostgreSQL server. */
  url?: string;
  dispose(): Promise<void>;
}

export const testServerUrl = (): string | undefined => process.env.TEST_DATABASE_URL || undefined;

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
