// PostgreSQL ends the connection of a file import's running transaction: the upload answers 503,
// the process goes on (an unheard 'error' event of the pg client would end it, and fail this file),
// and the next upload and query succeed.
import pg from "pg";
import { testServerUrl } from "@vnge/shared/testing/test-database";
import { type TestSystem, authHeader, startTestSystem } from "../testkit";

const demoCommunes = (): string[] => {
  const provinces = require("../../prisma/seed/demo-areas.json") as { District?: { Ward?: { Code: string }[] }[] }[];
  return provinces.flatMap((p) => (p.District ?? []).flatMap((d) => (d.Ward ?? []).map((w) => w.Code)));
};

/** Every demo commune x 2 sexes x 300 months: about 31,000 rows, several seconds of writing. */
function bigFile(): string {
  const lines = ["data_element,area_code,period,sex,value,status,comment"];
  for (let m = 0; m < 300; m++) {
    const period = `${2000 + Math.floor(m / 12)}${String((m % 12) + 1).padStart(2, "0")}`;
    for (const area of demoCommunes()) for (const sex of ["MALE", "FEMALE"]) lines.push(`LIVE_BIRTHS,${area},${period},${sex},${(lines.length * 7) % 97},,`);
  }
  return `${lines.join("\n")}\n`;
}

let system: TestSystem;
let admin: pg.Client;
beforeAll(async () => {
  system = await startTestSystem();
  admin = new pg.Client({ connectionString: testServerUrl()! });
  await admin.connect();
});
afterAll(async () => {
  await admin?.end();
  await system?.close();
});

async function upload(body: string) {
  const base = system.gatewayUrl!.replace(/\/graphql$/, "");
  const response = await fetch(`${base}/data-values/import`, { method: "POST", headers: { "content-type": "text/csv", ...(await authHeader()) }, body });
  // biome-ignore lint/suspicious/noExplicitAny: the test reads answers of any shape
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

/** Terminates the first backend of the test database found in a transaction that has written; resolves with how many it ended. */
async function terminateWriterWhile(pending: Promise<unknown>): Promise<number> {
  const database = new URL(system.db.url!).pathname.slice(1);
  let done = false;
  void pending.finally(() => (done = true));
  while (!done) {
    const { rows } = await admin.query<{ ended: boolean }>(
      `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = $1 AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()`,
      [database],
    );
    if (rows.length > 0) return rows.length;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return 0;
}

describe("a file import whose connection PostgreSQL ends", () => {
  it("answers 503, the service lives on, and the same file imports whole afterwards", async () => {
    const file = bigFile();
    const rows = file.trim().split("\n").length - 1;
    const cut = upload(file);
    expect(await terminateWriterWhile(cut)).toBeGreaterThan(0);
    const answer = await cut;
    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({ errors: [{ message: expect.stringMatching(/database is unavailable/), extensions: { code: "DATABASE_UNAVAILABLE" } }] });

    const again = await upload(file);
    expect(again).toMatchObject({ status: 200, body: { rows, written: true, rejected: 0 } });
    expect(again.body.imported + again.body.unchanged).toBe(rows);
    const { body } = await system.gateway.rawRequest<{ area: { name: string } }>(`{ area(code: "38") { name } }`).then((r) => ({ body: r.data }));
    expect(body.area.name).toBe("Thanh Hóa");
  });
});
