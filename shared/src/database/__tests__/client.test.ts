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

  it("runs a write and answers how many rows it changed, outside a transaction and in one", async () => {
    expect(await db.execute(`UPDATE note SET body = body WHERE id = ANY($1::int[])`, [[1, 2, 9]])).toBe(2);
    expect(await db.transaction((tx) => tx.execute(`UPDATE note SET body = body WHERE id = $1`, [1]))).toBe(1);
    expect(await db.inTransaction((joined) => joined.execute(`UPDATE note SET body = body WHERE id = $1`, [9]))).toBe(0);
  });

  it("runs the typed client and SQL of a Prisma transaction on its connection: a failure rolls both back", async () => {
    await expect(
      db.inPrismaTransaction(async (joined) => {
        await joined.execute(`INSERT INTO note VALUES ($1, $2)`, [4, "bốn"]);
        // Seen inside the transaction, by the typed client and by SQL alike.
        expect(await joined.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM note WHERE id = 4`).toEqual([{ n: 1 }]);
        expect(await joined.query<{ n: number }>(`SELECT count(*)::int AS n FROM note WHERE id = 4`)).toEqual([{ n: 1 }]);
        throw new Error("undone");
      }),
    ).rejects.toThrow("undone");
    expect(await notes()).toHaveLength(2);
  });

  it("tells a listener of every statement it sends until the listener stops", async () => {
    const heard: string[] = [];
    const stop = db.onStatement((sql) => heard.push(sql));
    await db.query(`SELECT 1 AS one`);
    await db.transaction((tx) => tx.query(`SELECT 2 AS two`));
    await db.withSession((s) => s.query(`SELECT 3 AS three`));
    stop();
    await db.query(`SELECT 4 AS four`);
    expect(heard.filter((sql) => sql.startsWith("SELECT"))).toEqual([`SELECT 1 AS one`, `SELECT 2 AS two`, `SELECT 3 AS three`]);
  });
});
