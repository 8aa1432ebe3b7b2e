// Two gateways and two copies of each subgraph on one PostgreSQL database behind HAProxy (deploy/haproxy.cfg), each
// copy a process started with the image's command: what they share through the database holds across copies, a copy
// killed mid-import loses nothing committed, a backup taken meanwhile restores whole, and a rolling restart answers
// every request. The national list gives the import its size (one year: 401,400 values).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ApiKeyService } from "@vnge/gateway";
import { type Catalogue, checkTotals } from "@vnge/indicators";
import { type Database, createServerDatabase, loadAuthConfig, openDatabase, readMigrations } from "@vnge/shared";
import { describeWithNationalData } from "@vnge/shared/testing";
import { testServerUrl } from "@vnge/shared/testing/test-database";
import { benchHeaders } from "../../scripts/src/bench/suite/bench-client";
import { type AreaSet, type DataValueInput, createProvincePlan, loadReferenceData, readAreaSet, yearValues } from "../../scripts/src/bench/suite/dataset";
import { type Workload, workloads } from "../../scripts/src/bench/suite/workloads";
import { type Copy, Fleet, describeWithHAProxy } from "./fleet";

/** What a client may see while a copy dies or restarts, and retry (deploy/README.md, "Errors a client retries"). */
const RETRYABLE_CODES = new Set(["SERVICE_UNAVAILABLE", "DATABASE_UNAVAILABLE"]);
const RETRYABLE_STATUSES = new Set([502, 503, 504]);
const YEAR = 2024;
const BATCH_SIZE = 10_000;
const GRACE_MS = 2_000;

const SUBMIT = `mutation Submit($input: SubmitDataValuesInput!) { submitDataValues(input: $input) { imported updated unchanged rejected } }`;

interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  /** The first error's code, or the HTTP status when the body is not GraphQL (the balancer's own page). */
  failure?: string;
}

async function post(url: string, headers: Record<string, string>, body: string): Promise<Answer> {
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  } catch (error) {
    return { status: 0, failure: `fetch failed: ${(error as Error).message}` };
  }
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
    const code = parsed.errors?.[0]?.extensions?.code;
    return { status: response.status, data: parsed.data, failure: parsed.errors?.length ? String(code) : undefined };
  } catch {
    return { status: response.status, failure: `HTTP ${response.status}` };
  }
}

/** A connection that closed without an answer (status 0) is a transport failure a client retries too. */
const retryable = (answer: Answer) =>
  (answer.failure !== undefined && RETRYABLE_CODES.has(answer.failure)) || RETRYABLE_STATUSES.has(answer.status) || answer.status === 0;

/** How many of a batch's values the database holds with the submitted figure: 0 or all of them, never some. */
async function storedOf(db: Database, batch: readonly DataValueInput[]): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n
       FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[]) AS k(element, area, sex, value)
       JOIN indicators.data_value d
         ON d.data_element_code = k.element AND d.area_code = k.area AND d.sex::text = k.sex AND d.period = $5 AND d.value = k.value`,
    [batch.map((v) => v.dataElementCode), batch.map((v) => v.areaCode), batch.map((v) => v.sex), batch.map((v) => v.value), String(YEAR)],
  );
  return row.n;
}

/** Requests `bodies` in turn through `url` from `connections` loops until stopped; every answer is kept. */
function readLoad(url: string, headers: Record<string, string>, bodies: string[], connections: number) {
  const answers: Answer[] = [];
  let running = true;
  const loops = Array.from({ length: connections }, async (_, loop) => {
    for (let i = loop; running; i++) answers.push(await post(url, headers, bodies[i % bodies.length]));
  });
  return {
    answers,
    async stop(): Promise<Answer[]> {
      running = false;
      await Promise.all(loops);
      return answers;
    },
  };
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${stderr}`))));
  });
}

const serverUrl = testServerUrl()!;

describeWithHAProxy(__filename, "a fleet behind HAProxy", () =>
  describeWithNationalData(__filename, "two copies of each service on one database", (national) => {
    let fleet: Fleet;
    let db: Database;
    let dropDatabase: () => Promise<void>;
    let databaseUrl: string;
    let areas: AreaSet;
    let catalogue: Catalogue;
    let headers: Record<string, string>;

    beforeAll(async () => {
      const created = await createServerDatabase(serverUrl, "vnge_fleet");
      dropDatabase = created.drop;
      databaseUrl = created.url;
      // Every copy starts at once on the empty database: migrating is theirs to coordinate.
      fleet = await Fleet.start({ databaseUrl: created.url, graceMs: GRACE_MS });
      db = await openDatabase({ url: created.url, poolSize: 4 });
      areas = readAreaSet(national.files.units);
      catalogue = await loadReferenceData(db, areas);
      headers = await benchHeaders();
    }, 240_000);

    afterAll(async () => {
      await fleet?.close();
      await db?.close();
      await dropDatabase?.();
    });

    it("runs the migrations once when every copy starts at once", async () => {
      const migrations = readMigrations();
      const recorded = await db.query<{ migration_name: string; n: number }>(`SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY 1`);
      expect(recorded).toHaveLength(migrations.length);
      expect(recorded.every((row) => row.n === 1)).toBe(true);
      const reports = fleet.copies.map((copy) => copy.logs.find((line) => line.msg === "migrations checked"));
      expect(reports.every((report) => report !== undefined)).toBe(true);
      // one copy applied them all; the nine others waited on the lock and found nothing left to do
      expect(reports.map((report) => report!.applied).sort()).toEqual([...Array(fleet.copies.length - 1).fill(0), migrations.length].sort());
    });

    it("keeps /metrics off the public entry, while every copy serves its own", async () => {
      expect((await fetch(fleet.gatewayUrl.replace(/\/graphql$/, "/metrics"))).status).toBe(404);
      for (const copy of fleet.copies) {
        const text = await (await fetch(fleet.url(copy, "/metrics"))).text();
        expect(text).toContain(`service="${copy.service}"`);
        expect(text).toContain("# TYPE db_pool_wait_seconds histogram");
      }
    });

    it("limits a partner key to its rate in all, not per gateway", async () => {
      const { key } = await new ApiKeyService(db, loadAuthConfig()).create({
        name: "fleet partner",
        areaCodes: [],
        rateLimitPerMinute: 60,
        expiresAt: new Date(Date.now() + 3_600_000),
      });
      // the limit counts per clock minute: start early in one, so the requests share it
      if (new Date().getSeconds() > 40) await new Promise((resolve) => setTimeout(resolve, (61 - new Date().getSeconds()) * 1000));
      const body = JSON.stringify({ query: `query Partner { area(code: "${areas.province.code}") { name } }` });
      const gateways = [fleet.copy("gateway1"), fleet.copy("gateway2")];
      const outcomes: Record<string, number> = {};
      for (let i = 0; i < 70; i++) {
        const answer = await post(fleet.url(gateways[i % 2]), { "x-api-key": key }, body);
        const outcome = answer.failure ?? "ok";
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }
      expect(outcomes).toEqual({ ok: 60, RATE_LIMITED: 10 });
    });

    it("loses no committed value and half-writes no batch when a subgraph copy is killed mid-import, and a backup taken meanwhile restores whole", async () => {
      const batches = [...yearValues(areas.communes, catalogue, YEAR, BATCH_SIZE)];
      const total = batches.reduce((sum, batch) => sum + batch.length, 0);
      expect(total).toBeGreaterThanOrEqual(400_000);
      const dashboard = workloadsFor([YEAR], 0).find((w) => w.name === "dashboard")!;
      const reads = readLoad(fleet.gatewayUrl, headers, [dashboard.body], 2);

      const acknowledged = new Set<number>();
      const failures: Answer[] = [];
      const partial: string[] = [];
      let killed: Promise<void> | undefined;
      let killedWriting = false;
      let backup: Promise<void> | undefined;
      let beforeBackup = new Set<number>();
      const dumpFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vnge-fleet-")), "during-import.dump");
      const victim = fleet.copy("indicators1");

      const whenProgress = () => {
        if (acknowledged.size >= 8 && !killed) {
          killed = killWhileWriting(victim).then((writing) => {
            killedWriting = writing;
          });
        }
        if (acknowledged.size >= 16 && !backup) {
          beforeBackup = new Set(acknowledged);
          backup = run("pg_dump", ["--format=custom", `--file=${dumpFile}`, `--dbname=${databaseUrl}`]);
        }
      };
      let next = 0;
      let givenUp = false;
      const worker = async () => {
        for (let i = next++; i < batches.length && !givenUp; i = next++) {
          for (let attempt = 1; ; attempt++) {
            const answer = await post(fleet.gatewayUrl, headers, JSON.stringify({ query: SUBMIT, variables: { input: { values: batches[i] } } }));
            const summary = (answer.data?.submitDataValues ?? null) as { imported: number; updated: number; unchanged: number; rejected: number } | null;
            if (!answer.failure && summary) {
              expect(summary.rejected).toBe(0);
              // a retry of a batch that was committed before its answer was lost finds its values unchanged
              expect(summary.imported + summary.updated + summary.unchanged).toBe(batches[i].length);
              acknowledged.add(i);
              whenProgress();
              break;
            }
            failures.push(answer);
            const stored = await storedOf(db, batches[i]);
            if (stored !== 0 && stored !== batches[i].length) partial.push(`batch ${i}: ${stored} of ${batches[i].length}`);
            if (!retryable(answer) || attempt === 20) {
              givenUp = true;
              throw new Error(`batch ${i} failed for good: ${JSON.stringify(answer)}`);
            }
            await new Promise((resolve) => setTimeout(resolve, 300));
          }
        }
      };
      await Promise.all(Array.from({ length: 3 }, worker));
      await killed;
      await backup;
      const readAnswers = await reads.stop();

      // The kill cut a submission in the middle; its client, and any other, saw only errors it may retry, and no batch was ever half there.
      expect(killedWriting).toBe(true);
      expect(failures.length).toBeGreaterThan(0);
      expect(failures.filter((f) => !retryable(f))).toEqual([]);
      expect(readAnswers.filter((a) => a.failure !== undefined && !retryable(a))).toEqual([]);
      expect(partial).toEqual([]);
      expect(acknowledged.size).toBe(batches.length);
      const [stored] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM indicators.data_value WHERE period = $1 AND data_element_code LIKE 'BENCH_%'`,
        [String(YEAR)],
      );
      expect(stored.n).toBe(total);
      for (const batch of batches) expect(await storedOf(db, batch)).toBe(batch.length);
      expect((await checkTotals(db)).differences).toBe(0);

      // The backup restores into a new database: each batch there is whole or absent, the ones answered before it whole.
      const restored = await createServerDatabase(serverUrl, "vnge_restore");
      const restoredDb = await openDatabase({ url: restored.url, poolSize: 2 });
      try {
        await run("pg_restore", ["--no-owner", `--dbname=${restored.url}`, dumpFile]);
        // a restore carries no planner statistics: gather them, as after any restore (deploy/README.md)
        await restoredDb.execute("ANALYZE");
        const counts: number[] = [];
        for (const batch of batches) counts.push(await storedOf(restoredDb, batch));
        expect(counts.filter((n, i) => n !== 0 && n !== batches[i].length)).toEqual([]);
        expect([...beforeBackup].filter((i) => counts[i] !== batches[i].length)).toEqual([]);
        expect(counts.some((n) => n === 0)).toBe(true); // the import went on after the backup began
        expect((await checkTotals(restoredDb)).differences).toBe(0);
      } finally {
        await restoredDb.close();
        await restored.drop();
        fs.rmSync(path.dirname(dumpFile), { recursive: true, force: true });
      }
    }, 600_000);

    it("serves one gateway's cached answer from the other, and a write through one in the next read through the other", async () => {
      const targets = await createProvincePlan(fleet.gatewayUrl, headers, areas.province.code, [YEAR]);
      expect(targets).toBeGreaterThan(0);
      const dashboard = workloadsFor([YEAR], targets).find((w) => w.name === "dashboard")!;
      const [one, other] = [fleet.copy("gateway1"), fleet.copy("gateway2")];
      const first = await post(fleet.url(one), headers, dashboard.body);
      expect(first.failure).toBeUndefined();
      const hitsBefore = await cacheHits(other);
      const fromOther = await post(fleet.url(other), headers, dashboard.body);
      expect(fromOther.data).toEqual(first.data);
      expect(await cacheHits(other)).toBe(hitsBefore + 1);

      const changed = { ...batchValueOf(areas.province.communes[0]), value: 100_000 };
      const write = await post(fleet.url(one), headers, JSON.stringify({ query: SUBMIT, variables: { input: { values: [changed] } } }));
      expect(write.data?.submitDataValues).toMatchObject({ updated: 1 });
      const afterWrite = await post(fleet.url(other), headers, dashboard.body);
      const rowOf = (answer: Answer) =>
        ((answer.data?.rollup ?? []) as { indicator: { code: string }; area: { code: string }; female: number | null }[]).find(
          (row) => row.indicator.code === "BENCH_I01" && row.area.code === areas.province.code,
        );
      expect(rowOf(afterWrite)?.female).not.toBe(rowOf(first)?.female);
    });

    it("answers every request while each copy in turn drains and restarts", async () => {
      const suiteNow = workloadsFor([YEAR], 1).filter((w) => w.name === "dashboard" || w.name === "plan targets");
      const reads = readLoad(
        fleet.gatewayUrl,
        headers,
        suiteNow.map((w) => w.body),
        3,
      );
      const exits: Record<string, number | string | null> = {};
      for (const copy of fleet.copies) {
        await fleet.stop(copy);
        exits[copy.name] = copy.child!.exitCode ?? copy.child!.signalCode;
        await fleet.startCopy(copy);
        await fleet.waitInRotation(copy, true);
      }
      const answers = await reads.stop();
      expect(exits).toEqual(Object.fromEntries(fleet.copies.map((copy) => [copy.name, 0])));
      expect(answers.length).toBeGreaterThan(fleet.copies.length * 5);
      expect(answers.filter((a) => a.status !== 200 || a.failure !== undefined)).toEqual([]);
    }, 300_000);

    function workloadsFor(years: number[], targets: number): Workload[] {
      const provinces = areas.rows.filter((r) => r.level === "PROVINCE").map((r) => r.code);
      const districts = areas.rows.filter((r) => r.level === "DISTRICT" && r.parentCode === areas.province.code).map((r) => r.code);
      return workloads({ indicators: catalogue.indicators, provinces, province: { code: areas.province.code, districts }, years, targets });
    }

    function batchValueOf(commune: string): DataValueInput {
      return { dataElementCode: "BENCH_E01", areaCode: commune, period: String(YEAR), sex: "FEMALE", value: 0 };
    }

    async function cacheHits(copy: Copy): Promise<number> {
      const text = await (await fetch(fleet.url(copy, "/metrics"))).text();
      const line = text.split("\n").find((l) => l.startsWith("response_cache_answers_total{") && l.includes('result="HIT"'));
      return line ? Number(line.split(" ").pop()) : 0;
    }

    /**
     * Kills the copy while one of its connections is inside a transaction that has written (it holds a transaction
     * id) but not committed: a submission cut in the middle. Then starts it again, as an orchestrator would.
     */
    async function killWhileWriting(copy: Copy): Promise<boolean> {
      const deadline = Date.now() + 30_000;
      const writing = async () => {
        const [row] = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND backend_xid IS NOT NULL AND state <> 'idle'`,
          [copy.name],
        );
        return row.n > 0;
      };
      let caught = await writing();
      while (Date.now() < deadline && !caught) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        caught = await writing();
      }
      await fleet.kill(copy);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await fleet.startCopy(copy);
      await fleet.waitInRotation(copy, true);
      return caught;
    }
  }),
);
