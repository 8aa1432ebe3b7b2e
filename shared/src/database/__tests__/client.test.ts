// The driver-level reads and transactions the hot paths use, on PGlite and on PostgreSQL alike.
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
  await db.withSession((s) => s.exec(`CREATE TABLE note (id int PRIMARY KEY, body text)`));
});
afterAll(() => db?.dispose());

const notes = () => db.query<{ id: number; body: string }>(`SELECT id, body FROM note ORDER BY id`);

describe("database client", () => {
  it("runs a parameterised read with array parameters", async () => {
    const rows = await db.query<{ n: number; codes: string[] }>(`SELECT cardinality($1::text[])::int AS n, $1::text[] AS codes`, [["01", "02"]]);
    expect(rows).toEqual([{ n: 2, codes: ["01", "02"] }]);
  });

  it("commits a transaction's statements together", async () => {
    const count = await db.transaction(async (tx) => {
      await tx.query(`INSERT INTO note VALUES ($1, $2)`, [1, "một"]);
      await tx.query(`INSERT INTO note VALUES ($1, $2)`, [2, "hai"]);
      return (await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM note`))[0].n;
    });
    expect(count).toBe(2);
    expect(await notes()).toEqual([
      { id: 1, body: "một" },
      { id: 2, body: "hai" },
    ]);
  });

  it("rolls every statement back when the work fails, and rethrows", async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO note VALUES ($1, $2)`, [3, "ba"]);
        await tx.query(`INSERT INTO note VALUES ($1, $2)`, [1, "duplicate"]);
      }),
    ).rejects.toThrow();
    expect(await notes()).toEqual([
      { id: 1, body: "một" },
      { id: 2, body: "hai" },
    ]);
  });
});
