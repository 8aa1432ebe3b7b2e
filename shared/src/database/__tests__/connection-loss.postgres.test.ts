// A connection terminated by the server while a transaction or session holds it must fail that
// work with an error, never end the process; the pool drops the broken client and the next
// request gets a working one. Needs a server (pg_terminate_backend), so runs with TEST_DATABASE_URL.
import pg from "pg";
import { isConnectionError } from "../../errors";
import { type Database, openDatabase } from "../client";
import { testServerUrl } from "../../testing/test-database";
import { createServerDatabase } from "../server-database";

const serverUrl = testServerUrl()!;
let db: Database;
let admin: pg.Client;
let drop: () => Promise<void>;
const faults: unknown[] = [];
const onUncaught = (error: unknown) => faults.push(error);

beforeAll(async () => {
  const created = await createServerDatabase(serverUrl);
  drop = created.drop;
  db = await openDatabase({ url: created.url, poolSize: 2 });
  admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  // An unhandled 'error' event surfaces here (it would end a service process).
  process.on("uncaughtException", onUncaught);
});
afterAll(async () => {
  process.off("uncaughtException", onUncaught);
  await db?.close();
  await admin?.end();
  await drop?.();
});
beforeEach(() => {
  faults.length = 0;
});

const terminate = (pid: number) => admin.query(`SELECT pg_terminate_backend($1)`, [pid]);
const backendPid = async (q: { query<T>(sql: string): Promise<T[]> }) => (await q.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`))[0].pid;
/** Long enough for the client to see its socket close. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

async function expectServiceGoesOn(): Promise<void> {
  expect(faults).toEqual([]);
  expect(await db.query<{ one: number }>(`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
  expect(await db.transaction((tx) => tx.query<{ two: number }>(`SELECT 2 AS two`))).toEqual([{ two: 2 }]);
  // Both pool slots serve again: the broken client was dropped, not handed out.
  const pids = await Promise.all([0, 1].map(() => db.transaction(async (tx) => backendPid(tx))));
  expect(pids.every((pid) => pid > 0)).toBe(true);
}

describe("connection lost under a checked-out client (PostgreSQL)", () => {
  it("fails a transaction whose connection is terminated between statements", async () => {
    const work = db.transaction(async (tx) => {
      await terminate(await backendPid(tx));
      await settle();
      return tx.query(`SELECT 1`);
    });
    const error = await work.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isConnectionError(error) || /not queryable|Connection terminated/.test(String(error))).toBe(true);
    await expectServiceGoesOn();
  });

  it("fails a transaction whose connection is terminated during a statement", async () => {
    const work = db.transaction(async (tx) => {
      const pid = await backendPid(tx);
      setTimeout(() => void terminate(pid), 100);
      return tx.query(`SELECT pg_sleep(5)`);
    });
    await expect(work).rejects.toThrow(/terminat/i);
    await expectServiceGoesOn();
  });

  it("fails a session whose connection is terminated", async () => {
    const work = db.withSession(async (session) => {
      await terminate(await backendPid(session));
      await settle();
      await session.exec(`SELECT 1`);
    });
    await expect(work).rejects.toThrow();
    await expectServiceGoesOn();
  });

  it("fails Prisma interactive transactions whose connection is terminated, and gets their pool slots back", async () => {
    // One more than the pool holds: a broken client Prisma never hands back must not keep its slot.
    for (let i = 0; i < 3; i++) {
      const work = db.prisma.$transaction(async (tx) => {
        const [{ pid }] = await tx.$queryRawUnsafe<{ pid: number }[]>(`SELECT pg_backend_pid() AS pid`);
        await terminate(pid);
        await settle();
        return tx.$queryRawUnsafe(`SELECT 1`);
      });
      await expect(work).rejects.toThrow();
    }
    await expectServiceGoesOn();
  });
});
