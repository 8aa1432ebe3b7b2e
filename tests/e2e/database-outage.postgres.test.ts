// A database outage on PostgreSQL: readiness fails, the gateway answers with a GraphQL error,
// and service recovers on its own when the database is back. The database is reached through a
// TCP relay the test can cut, so the shared server itself is never stopped.
import net from "node:net";
import { openDatabase, migrate } from "@vnge/shared";
import { createServerDatabase } from "@vnge/shared";
import { testServerUrl } from "@vnge/shared/testing/test-database";
import { type TestSystem, authHeader, postGraphQL, startTestSystem } from "../testkit";

/** Relays localhost:port to the PostgreSQL server; `cut()` drops every connection and refuses new ones. */
class Relay {
  private server?: net.Server;
  private sockets = new Set<net.Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  async cut(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

// PGlite runs inside the process and cannot go away on its own: this file needs a server, so jest
// runs it only when TEST_DATABASE_URL is set (CI sets it; see jest.config.js).
const serverUrl = testServerUrl()!;

describe("database outage (PostgreSQL)", () => {
  let system: TestSystem;
  let relay: Relay;
  let dropDatabase: () => Promise<void>;

  beforeAll(async () => {
    const created = await createServerDatabase(serverUrl);
    dropDatabase = created.drop;
    const direct = new URL(created.url);
    relay = new Relay({ host: direct.hostname, port: Number(direct.port || 5432) });
    await relay.open();
    const relayed = new URL(created.url);
    relayed.hostname = "127.0.0.1";
    relayed.port = String(relay.port);
    const db = await openDatabase({ url: relayed.toString(), poolSize: 4 });
    await migrate(db);
    system = await startTestSystem({ db: Object.assign(db, { dispose: () => db.close() }) });
  });
  afterAll(async () => {
    await system?.close();
    await relay?.cut().catch(() => undefined);
    await dropDatabase?.();
  });

  const readiness = () => fetch(system.subgraphUrls.indicators!.replace(/graphql$/, "readyz"));
  const query = async () => postGraphQL(system.gatewayUrl!, `{ area(code: "38") { name plans { title } } }`, undefined, await authHeader());

  it("fails readiness and answers a GraphQL error while the database is away, then recovers", async () => {
    expect((await readiness()).status).toBe(200);
    expect((await query()).body.data).toMatchObject({ area: { name: "Thanh Hóa" } });

    await relay.cut();
    expect((await readiness()).status).toBe(503);
    const during = await query();
    expect(during.status).toBe(200);
    expect(during.body.errors?.[0]).toMatchObject({ extensions: { code: "DATABASE_UNAVAILABLE" } });
    expect(JSON.stringify(during.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/);
    // The liveness probe stays green: restarting the process would not bring the database back.
    expect((await fetch(system.subgraphUrls.indicators!.replace(/graphql$/, "healthz"))).status).toBe(200);

    await relay.open();
    expect((await readiness()).status).toBe(200);
    expect((await query()).body).toEqual({ data: { area: { name: "Thanh Hóa", plans: [expect.any(Object)] } } });
  });
});
