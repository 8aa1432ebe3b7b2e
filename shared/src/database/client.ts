// Opens the database every service shares: PGlite in-process by default, PostgreSQL when a URL is given.
// Prisma runs through a driver adapter in both cases (no native engine).
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";
import type { DatabaseConfig } from "../config";
import { rootLogger } from "../logger";

export { PrismaClient };

/** Parameterised statements on one connection. */
export interface SqlQuery {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** A connection outside Prisma, for scripts and set-based SQL (migrations, bulk writes). */
export interface SqlSession extends SqlQuery {
  /** Runs a script of several statements (no parameters). */
  exec(script: string): Promise<void>;
}

export interface Database {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  /**
   * One read statement straight on the driver (PostgreSQL), for the hot read path: Prisma's raw layer costs more
   * CPU than the statement for results of thousands of rows. On PGlite it goes through Prisma, which orders it
   * with the transactions on the one connection.
   */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * Runs `work`'s statements in one transaction straight on the driver (PostgreSQL; through a Prisma
   * interactive transaction on PGlite), committed when it resolves and rolled back when it throws.
   */
  transaction<T>(work: (tx: SqlQuery) => Promise<T>): Promise<T>;
  /**
   * Runs `work` in one transaction, given a Database joined to it: its `transaction` and `query` (and on PGlite,
   * whose one connection the transaction holds, every statement) run in it, so stores built on it write inside.
   * `timeoutMs` bounds a PGlite transaction (default 5 minutes).
   */
  inTransaction<T>(work: (db: Database) => Promise<T>, options?: { timeoutMs?: number }): Promise<T>;
  /** Runs `work` on one dedicated connection (needed for locks and multi-statement transactions). */
  withSession<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export async function openDatabase(config: Pick<DatabaseConfig, "url" | "poolSize"> & { dataDir?: string }): Promise<Database> {
  if (config.url) return openPostgres(config.url, config.poolSize);
  return openPGlite(config.dataDir);
}

/** Clients whose connection failed: released with the error, so the pool destroys them instead of reusing them. */
const brokenClients = new WeakMap<pg.ClientBase, Error>();
const checkedOut = new WeakSet<pg.ClientBase>();

/** How long a holder may keep a broken client before the pool takes it back. */
export const BROKEN_CLIENT_GRACE_MS = 2_000;

/**
 * A connection the server ends while its client is checked out emits 'error' on the client, and
 * pg-pool listens only on idle clients: unheard, it ends the process (decision 0004: no database fault
 * may). The work in flight still fails through its own query. A holder that never hands a broken
 * client back (Prisma's interactive transactions do not) would keep its pool slot for good, so one
 * still out after a grace period is released here, and its holder's later release does nothing.
 */
function watchPool(pool: pg.Pool): void {
  pool.on("acquire", (client) => checkedOut.add(client));
  pool.on("release", (_err, client) => checkedOut.delete(client));
  pool.on("connect", (client) => {
    client.on("error", (err) => {
      if (brokenClients.has(client)) return; // the server's notice, then the socket's end
      brokenClients.set(client, err);
      rootLogger.warn({ err }, "database connection lost");
      setTimeout(() => {
        if (!checkedOut.has(client)) return;
        client.release(err);
        client.release = () => undefined;
      }, BROKEN_CLIENT_GRACE_MS).unref();
    });
  });
}

function releaseClient(client: pg.PoolClient): void {
  if (!checkedOut.has(client)) return; // taken back after a fault
  client.release(brokenClients.get(client));
}

function openPostgres(url: string, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000 });
  // An idle client losing its server emits 'error' on the pool; unhandled, it would end the process.
  pool.on("error", (err) => rootLogger.warn({ err }, "idle database connection lost"));
  watchPool(pool);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const db: Database = {
    kind: "postgres",
    prisma,
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work({ query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[] });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch((err: Error) => brokenClients.set(client, err));
        throw error;
      } finally {
        releaseClient(client);
      }
    },
    async withSession(work) {
      const client = await pool.connect();
      try {
        return await work({
          async query(sql, params) {
            return (await client.query(sql, params as unknown[])).rows;
          },
          async exec(script) {
            await client.query(script);
          },
        });
      } finally {
        releaseClient(client);
      }
    },
    async ping() {
      await pool.query("SELECT 1");
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
    inTransaction: (work) => db.transaction((tx) => work(joinedTo(db, tx))),
  };
  return db;
}

/** `db` with its statements through `tx` (Prisma's stay on the pool: PostgreSQL runs them beside the transaction). */
function joinedTo(db: Database, tx: SqlQuery, prisma: PrismaClient = db.prisma): Database {
  const joined: Database = {
    ...db,
    prisma,
    query: (sql, params) => tx.query(sql, params),
    transaction: (work) => work(tx),
    inTransaction: (work) => work(joined),
    withSession:
      db.kind === "pglite"
        ? (work) => work({ query: (sql, params) => tx.query(sql, params), exec: async (script) => void (await tx.query(script)) })
        : db.withSession,
  };
  return joined;
}

async function openPGlite(dataDir?: string): Promise<Database> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const pglite = dataDir ? new PGlite(dataDir) : new PGlite();
  await pglite.waitReady;
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  const db: Database = {
    kind: "pglite",
    prisma,
    query: <T>(sql: string, params: unknown[] = []) => prisma.$queryRawUnsafe<T[]>(sql, ...params),
    transaction: (work) =>
      prisma.$transaction((tx) => work({ query: <T>(sql: string, params: unknown[] = []) => tx.$queryRawUnsafe<T[]>(sql, ...params) }), {
        timeout: 300_000,
        maxWait: 30_000,
      }),
    // Statements outside the transaction would wait for it on the one connection: all of them go through it.
    inTransaction: (work, options) =>
      prisma.$transaction(
        (tx) =>
          work(joinedTo(db, { query: <T>(sql: string, params: unknown[] = []) => tx.$queryRawUnsafe<T[]>(sql, ...params) }, tx as unknown as PrismaClient)),
        { timeout: options?.timeoutMs ?? 300_000, maxWait: 30_000 },
      ),
    async withSession(work) {
      return work({
        async query(sql, params) {
          return (await pglite.query(sql, params as unknown[])).rows as never[];
        },
        async exec(script) {
          await pglite.exec(script);
        },
      });
    },
    async ping() {
      await pglite.query("SELECT 1");
    },
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
  return db;
}
