// A file is written whole or not at all, whatever fails midway: the importing connection cut by the server,
// or the importing process killed. Either way the file's transaction is rolled back and no row stays.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AreaDirectory, AreaScope, NATION_CODE } from "@vnge/shared";
import type { TestDatabase } from "@vnge/shared/testing/test-database";
import { createDataValueService } from "../../context";
import { FIXTURE_AREAS, openFixtureDatabase } from "../../__tests__/harness";
import { importValueFile } from "../data-value.file";

const BATCH = 2_000;
let db: TestDatabase;
let dir: string;
let file: string;

/** 8 communes x 1,200 months x (LIVE_BIRTHS by sex, MATERNAL_DEATHS): 28,800 rows, 15 batches. */
function writeFile(target: string): number {
  const communes = FIXTURE_AREAS.filter((a) => a.level === "COMMUNE").map((a) => a.code);
  const lines = ["data_element,area_code,period,sex,value,status,comment"];
  for (let i = 0; i < 1200; i++) {
    const period = `${1950 + Math.floor(i / 12)}${String((i % 12) + 1).padStart(2, "0")}`;
    for (const area of communes) {
      lines.push(
        `LIVE_BIRTHS,${area},${period},MALE,${(i * 7) % 97},,`,
        `LIVE_BIRTHS,${area},${period},FEMALE,${(i * 5) % 89},,`,
        `MATERNAL_DEATHS,${area},${period},,${i % 3},,`,
      );
    }
  }
  fs.writeFileSync(target, `${lines.join("\n")}\n`);
  return lines.length - 1;
}

const storedRows = async () => Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM indicators.data_value`))[0].n);

/** Backends of this database (other than ours) inside a transaction that has written. */
const writers = async () =>
  (
    await db.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL`,
    )
  ).map((r) => r.pid);

async function waitFor<T>(probe: () => Promise<T | null>, what: string, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const found = await probe();
    if (found !== null) return found;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  db = await openFixtureDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "import-faults-"));
  file = path.join(dir, "values.csv");
  expect(writeFile(file)).toBe(28_800);
});
// Each test starts from no values and no approvals.
beforeEach(() => db.query(`TRUNCATE indicators.data_value, indicators.data_value_total, indicators.data_value_audit, indicators.data_approval`));
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await db?.dispose();
});

it("stores no row of the file when the server cuts the importing connection midway", async () => {
  const service = createDataValueService(db, new AreaScope(new AreaDirectory(db), [NATION_CODE]));
  let cut: Promise<number[]> | undefined;
  const imported = importValueFile(service, file, {
    submittedBy: "test",
    batchSize: BATCH,
    // After the third batch is written, end the connection that is writing (as a server restart would).
    onProgress: (p) => {
      if (p.phase === "write" && p.rows === 3 * BATCH) {
        cut = waitFor(async () => {
          const pids = await writers();
          return pids.length > 0 ? pids : null;
        }, "the importing transaction").then(async (pids) => {
          for (const pid of pids) await db.query(`SELECT pg_terminate_backend($1)`, [pid]);
          return pids;
        });
      }
    },
  });
  await expect(imported).rejects.toThrow();
  expect(await cut).toHaveLength(1);
  expect(await storedRows()).toBe(0);

  // The database is fine afterwards: the same file imports whole.
  expect(await importValueFile(service, file, { submittedBy: "test", batchSize: BATCH })).toMatchObject({ imported: 28_800, written: true });
  expect(await storedRows()).toBe(28_800);
});

it("stores no row of the file when a later batch is refused in the write pass (a data set approved meanwhile)", async () => {
  const service = createDataValueService(db, new AreaScope(new AreaDirectory(db), [NATION_CODE]));
  let approved: Promise<unknown> | undefined;
  const summary = await importValueFile(service, file, {
    submittedBy: "test",
    batchSize: BATCH,
    // Once the first batch is written, district 001 approves the last month of the file (its last batch).
    onProgress: (p) => {
      if (p.phase === "write" && p.rows === BATCH) {
        // then() starts it now: Prisma runs a query only once something waits for it.
        approved = db.prisma.dataApproval
          .create({
            data: { dataSetCode: "ANNUAL_GENDER_COMMUNE", period: "204912", areaCode: "001", state: "APPROVED", changedBy: "approver", changedAt: new Date() },
          })
          .then(() => undefined);
      }
    },
  });
  await approved;
  expect(summary).toMatchObject({ imported: 0, updated: 0, written: false });
  expect(summary.rejected).toBeGreaterThan(0);
  expect(summary.conflicts[0].message).toMatch(/^locked: .* for area 0000[12], period 204912 is approved at district 001/);
  expect(await storedRows()).toBe(0);
});

it("stores no row of the file when the importing process is killed midway", async () => {
  const child = spawn(
    process.execPath,
    [
      "--experimental-vm-modules",
      "node_modules/jest/bin/jest.js",
      "--runInBand",
      "--testMatch",
      "**/__tests__/file-import.child.ts",
      "--testPathIgnorePatterns",
      "/node_modules/",
    ],
    {
      cwd: path.resolve(__dirname, "../../../../.."),
      env: { ...process.env, NODE_ENV: "test", IMPORT_DATABASE_URL: db.url, IMPORT_FILE: file, IMPORT_BATCH_SIZE: String(BATCH) },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let output = "";
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`written ${3 * BATCH}\n`)) resolve();
      if (output.includes("import finished")) reject(new Error("the import finished before it could be killed"));
    });
    child.on("exit", () => reject(new Error(`the importing process ended by itself:\n${output}`)));
  });
  child.kill("SIGKILL");
  expect(await exited).toBe("SIGKILL");
  // The server rolls the transaction back once it sees the connection gone.
  await waitFor(async () => ((await writers()).length === 0 ? true : null), "the server to end the killed process's transaction");
  expect(await storedRows()).toBe(0);
  expect(await db.query(`SELECT 1 FROM indicators.data_value_total LIMIT 1`)).toEqual([]);
});
