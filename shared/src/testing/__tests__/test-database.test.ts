// Scratch databases: each one its own, migrated or not as asked, whether it came from a template dump (PGlite) or
// was created on the server.
import { readMigrations } from "../../database/migrate";
import { createTestDatabase } from "../test-database";

it("gives each test its own database, migrated unless told otherwise", async () => {
  const [one, other, empty] = [await createTestDatabase(), await createTestDatabase(), await createTestDatabase({ migrate: false })];
  try {
    const recorded = await one.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
    expect(recorded[0].n).toBe(readMigrations().length);
    await one.execute(`CREATE TABLE public.scratch_only_here (id int)`);
    const seen = (db: typeof one) => db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'scratch_only_here'`);
    expect((await seen(one))[0].n).toBe(1);
    expect((await seen(other))[0].n).toBe(0);
    const tables = await empty.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`);
    expect(tables[0].n).toBe(0);
  } finally {
    for (const db of [one, other, empty]) await db.dispose();
  }
});
