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
import { traceStatement } from "../tracing/tracing";

export { PrismaClient };

/**
 * Parameterised statements on one connection: the one way code runs SQL (decision 0095). Inside a transaction
 * (`transaction`, `inTransaction`, `inPrismaTransaction`) they run on the transaction's connection.
 */
export interface SqlQuery {
  /** Runs one statement and resolves to its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs one statement (a write) and resolves to the number of rows it affected. */
  execute(sql: string, params?: unknown[]): Promise<number>;
}

/** A connection outside Prisma, for scripts and set-based SQL (migrations, bulk writes). */
export interface SqlSession extends SqlQuery {
  /** Runs a script of several statements (no parameters). */
  exec(script: string): Promise<void>;
}

export interface Database extends SqlQuery {
  kind: "pglite" | "postgres";
  /** The typed client, for a store's plain reads and writes of its own tables. */
  prisma: PrismaClient;
  /**
   * One statement straight on the driver (PostgreSQL): Prisma's raw layer costs more CPU than the statement for
   * results of thousands of rows. On PGlite it goes through Prisma, which orders it with the transactions on the
   * one connection. Date parameters are sent as UTC, as the typed client writes them.
   */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Like `query`, for a write: resolves to the number of rows it affected. */
  execute(sql: string, params?: unknown[]): Promise<number>;
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
  /**
   * Runs `work` in one Prisma interactive transaction, given a Database joined to it whose typed client, `query`
   * and `execute` all run in it, on PostgreSQL as on PGlite: for writes that mix the typed client with SQL, or
   * that Prisma's timeouts bound (its own defaults unless `timeoutMs`, `maxWaitMs` are given).
   */
  inPrismaTransaction<T>(work: (db: Database) => Promise<T>, options?: { timeoutMs?: number; maxWaitMs?: number }): Promise<T>;
  /** Runs `work` on one dedicated connection (needed for locks and multi-statement transactions). */
  withSession<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /**
   * Calls `listener` with the text of every statement this process sends the database from now on (the typed
   * client's, SQL's, sessions' and, on PostgreSQL, transaction control), for tests that count them; returns the
   * function that stops it.
   */
  onStatement(listener: (sql: string) => void): () => void;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /** The pool's connections and the queries waiting for one (PostgreSQL); null on PGlite, which has one connection. */
  poolUse(): { open: number; idle: number; waiting: number; max: number } | null;
  /**
   * Calls `listener` with the seconds each checkout of a pooled connection waited (PostgreSQL; PGlite has no pool and
   * never calls it); returns the function that stops it.
   */
  onConnectionWait(listener: (seconds: number) => void): () => void;
  /** PGlite: its data directory as one archive, which `openDatabase({ template })` starts from; null on PostgreSQL. */
  dumpDataDir(): Promise<Blob | null>;
  close(): Promise<void>;
}

/**
 * `template` (PGlite in memory only): start from this dump of a data directory (`dumpDataDir`) instead of an empty
 * cluster, which skips initdb (seconds per instance; the tests' scratch databases use it).
 */
export async function openDatabase(config: Pick<DatabaseConfig, "url" | "poolSize"> & { dataDir?: string; template?: Blob }): Promise<Database> {
  if (config.url) return openPostgres(config.url, config.poolSize);
  return openPGlite(config.dataDir, config.template);
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

/**
 * Times every checkout of `pool`: its own queries (callback form), Prisma's adapter and transactions (promise form).
 * A checkout that finds an idle client takes microseconds; one that waits for a full pool shows here.
 */
function timeCheckouts(pool: pg.Pool) {
  const listeners = new Set<(seconds: number) => void>();
  const connect = pool.connect.bind(pool) as (callback?: (err: Error | undefined, ...rest: unknown[]) => void) => Promise<pg.PoolClient> | undefined;
  const tell = (started: number) => {
    if (listeners.size === 0) return;
    const seconds = (performance.now() - started) / 1000;
    for (const listener of listeners) listener(seconds);
  };
  pool.connect = ((callback?: (err: Error | undefined, ...rest: unknown[]) => void) => {
    const started = performance.now();
    if (callback) {
      return connect((err, ...rest) => {
        if (!err) tell(started);
        callback(err, ...rest);
      });
    }
    return connect()!.then((client) => {
      tell(started);
      return client;
    });
  }) as typeof pool.connect;
  return {
    onConnectionWait(listener: (seconds: number) => void): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

function releaseClient(client: pg.PoolClient): void {
  if (!checkedOut.has(client)) return; // taken back after a fault
  client.release(brokenClients.get(client));
}

/** A statement's text, given as a string or as the driver's query config. */
const statementText = (statement: unknown): string =>
  typeof statement === "string" ? statement : String((statement as { text?: unknown } | null)?.text ?? "");

/** The listeners of a database's statements (`Database.onStatement`). */
function statementListeners() {
  const listeners = new Set<(sql: string) => void>();
  return {
    tell(statement: unknown): void {
      if (listeners.size === 0) return;
      const sql = statementText(statement);
      for (const listener of listeners) listener(sql);
    },
    onStatement(listener: (sql: string) => void): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
type StatementListeners = ReturnType<typeof statementListeners>;

/** Tells `heard` of every statement the pool's clients send: the pool's own queries, Prisma's and transactions' too. */
function reportStatements(pool: pg.Pool, heard: StatementListeners): void {
  pool.on("connect", (client) => {
    const query = client.query as (...args: unknown[]) => unknown;
    client.query = function (this: unknown, ...args: unknown[]) {
      heard.tell(args[0]);
      return traceStatement("postgresql", statementText(args[0]), args, (traced) => query.apply(this, traced));
    } as typeof client.query;
  });
}

/** Dates as UTC text, which PostgreSQL reads for timestamp columns as the typed client writes them (pg would send local time). */
const driverParams = (params: unknown[]): unknown[] =>
  params.some((p) => p instanceof Date) ? params.map((p) => (p instanceof Date ? p.toISOString() : p)) : params;

/** Statements on one pg connection (or the pool). */
function onDriver(client: pg.Pool | pg.PoolClient): SqlQuery {
  return {
    query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, driverParams(params))).rows as T[],
    execute: async (sql: string, params: unknown[] = []) => (await client.query(sql, driverParams(params))).rowCount ?? 0,
  };
}

/** Statements through Prisma's raw layer, on the client or in one of its transactions. */
function onPrisma(prisma: Pick<PrismaClient, "$queryRawUnsafe" | "$executeRawUnsafe">): SqlQuery {
  return {
    query: <T>(sql: string, params: unknown[] = []) => prisma.$queryRawUnsafe<T[]>(sql, ...params),
    execute: (sql: string, params: unknown[] = []) => prisma.$executeRawUnsafe(sql, ...params),
  };
}

/** Prisma's options of an interactive transaction: its own defaults where none is given. */
function prismaOptions(options: { timeoutMs?: number; maxWaitMs?: number } = {}): { timeout?: number; maxWait?: number } {
  return {
    ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
    ...(options.maxWaitMs === undefined ? {} : { maxWait: options.maxWaitMs }),
  };
}

/** `work` in a Prisma interactive transaction, given `db` joined to it (typed client included). */
function inPrisma<T>(db: Database, work: (db: Database) => Promise<T>, options: { timeout?: number; maxWait?: number }): Promise<T> {
  return db.prisma.$transaction((tx) => work(joinedTo(db, onPrisma(tx), tx as unknown as PrismaClient)), options);
}

function openPostgres(url: string, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000 });
  // An idle client losing its server emits 'error' on the pool; unhandled, it would end the process.
  pool.on("error", (err) => rootLogger.warn({ err }, "idle database connection lost"));
  watchPool(pool);
  const waits = timeCheckouts(pool);
  const heard = statementListeners();
  reportStatements(pool, heard);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const onPool = onDriver(pool);
  const db: Database = {
    kind: "postgres",
    prisma,
    query: (sql, params) => onPool.query(sql, params),
    execute: (sql, params) => onPool.execute(sql, params),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(onDriver(client));
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
          ...onDriver(client),
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
    poolUse: () => ({ open: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: poolSize }),
    onConnectionWait: waits.onConnectionWait,
    dumpDataDir: async () => null,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
    inTransaction: (work) => db.transaction((tx) => work(joinedTo(db, tx))),
    inPrismaTransaction: (work, options) => inPrisma(db, work, prismaOptions(options)),
    onStatement: heard.onStatement,
  };
  return db;
}

/**
 * `db` with its statements through `tx`. Without `prisma` (a transaction on the driver), the typed client's
 * statements stay on the pool: PostgreSQL runs them beside the transaction.
 */
function joinedTo(db: Database, tx: SqlQuery, prisma?: PrismaClient): Database {
  const joined: Database = {
    ...db,
    prisma: prisma ?? db.prisma,
    query: (sql, params) => tx.query(sql, params),
    execute: (sql, params) => tx.execute(sql, params),
    transaction: (work) => work(tx),
    inTransaction: (work) => work(joined),
    inPrismaTransaction: prisma
      ? (work) => work(joined)
      : () => Promise.reject(new Error("the typed client cannot join a transaction on the driver: open it with inPrismaTransaction")),
    withSession:
      db.kind === "pglite"
        ? (work) =>
            work({
              query: (sql, params) => tx.query(sql, params),
              execute: (sql, params) => tx.execute(sql, params),
              exec: async (script) => void (await tx.query(script)),
            })
        : db.withSession,
  };
  return joined;
}

async function openPGlite(dataDir?: string, template?: Blob): Promise<Database> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const pglite = dataDir ? new PGlite(dataDir) : new PGlite(template ? { loadDataDir: template } : {});
  await pglite.waitReady;
  const heard = statementListeners();
  reportPGliteStatements(pglite, heard);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  const onClient = onPrisma(prisma);
  const db: Database = {
    kind: "pglite",
    prisma,
    query: (sql, params) => onClient.query(sql, params),
    execute: (sql, params) => onClient.execute(sql, params),
    transaction: (work) => prisma.$transaction((tx) => work(onPrisma(tx)), { timeout: 300_000, maxWait: 30_000 }),
    // Statements outside the transaction would wait for it on the one connection: all of them go through it.
    inTransaction: (work, options) => inPrisma(db, work, { timeout: options?.timeoutMs ?? 300_000, maxWait: 30_000 }),
    inPrismaTransaction: (work, options) => inPrisma(db, work, prismaOptions(options)),
    onStatement: heard.onStatement,
    async withSession(work) {
      return work({
        async query(sql, params) {
          return (await pglite.query(sql, params as unknown[])).rows as never[];
        },
        async execute(sql, params) {
          return (await pglite.query(sql, params as unknown[])).affectedRows ?? 0;
        },
        async exec(script) {
          await pglite.exec(script);
        },
      });
    },
    async ping() {
      await pglite.query("SELECT 1");
    },
    poolUse: () => null,
    onConnectionWait: () => () => undefined,
    dumpDataDir: async () => (await pglite.dumpDataDir("none")) as Blob,
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
  return db;
}

/** Tells `heard` of every statement and script sent to `pglite`, by Prisma, sessions and transactions alike. */
function reportPGliteStatements(pglite: PGlite, heard: StatementListeners): void {
  const query = pglite.query.bind(pglite);
  const exec = pglite.exec.bind(pglite);
  const transaction = pglite.transaction.bind(pglite);
  type Tx = Parameters<Parameters<PGlite["transaction"]>[0]>[0];
  type Run = (sql: string, ...rest: unknown[]) => unknown;
  const told = (sql: string, rest: unknown[], run: (traced: unknown[]) => unknown) => {
    heard.tell(sql);
    return traceStatement("postgresql", sql, rest, run);
  };
  const inTransaction = (tx: Tx): Tx =>
    Object.assign(Object.create(tx) as Tx, {
      query: (sql: string, ...rest: unknown[]) => told(sql, rest, (traced) => (tx.query as Run)(sql, ...traced)),
      exec: (sql: string, ...rest: unknown[]) => told(sql, rest, (traced) => (tx.exec as Run)(sql, ...traced)),
    });
  pglite.query = ((sql: string, ...rest: unknown[]) => told(sql, rest, (traced) => (query as Run)(sql, ...traced))) as PGlite["query"];
  pglite.exec = ((sql: string, ...rest: unknown[]) => told(sql, rest, (traced) => (exec as Run)(sql, ...traced))) as PGlite["exec"];
  pglite.transaction = ((work: (tx: Tx) => Promise<unknown>) => transaction((tx) => work(inTransaction(tx)))) as PGlite["transaction"];
}
