// The benchmark suite's smoke mode on a PostgreSQL server, as the benchmark runs (it needs one: the services run in
// processes of their own on it): demo areas, every workload through every layer (Hive Gateway's runtimes included)
// at every connection level, ingest under read load and the cost-growth rows, a few requests a row. The service
// processes run from the build.
import path from "node:path";
import { readUnitListFile } from "@vnge/indicators";
import { repoRoot } from "@vnge/shared";
import { createTestDatabase, type TestDatabase } from "@vnge/shared/testing/test-database";
import { formatReport, verdict } from "../report";
import { SMOKE_CONNECTION_LEVELS, runSuite } from "../suite";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.dispose());

it("measures every workload through every layer without errors", async () => {
  const areasFile = path.join(repoRoot, "prisma", "seed", "demo-areas.json");
  const communes = readUnitListFile(areasFile).filter((row) => row.level === "COMMUNE").length;
  const result = await runSuite({ db, databaseUrl: db.url!, poolSize: 5, smoke: true, areasFile });
  expect(result.load.values).toBe(communes * 20 * 2 * 5);
  expect(result.load.targets).toBe(25);

  const fiveYears = result.rows.filter((r) => r.years === 5);
  const layersOf = (workload: string) => [...new Set(fiveYears.filter((r) => r.workload === workload).map((r) => r.layer))];
  const gateways = ["Apollo Gateway", "Apollo Gateway, cached", "Hive Gateway", "Hive Gateway, Rust planner", "Hive Gateway, Rust planner, unshared"];
  expect(layersOf("dashboard")).toEqual(["subgraph", ...gateways, "bare SQL"]);
  expect(layersOf("drill-down")).toEqual(["subgraph", ...gateways, "bare SQL"]);
  expect(layersOf("plan targets")).toEqual([...gateways, "bare SQL"]);
  expect(fiveYears).toHaveLength(20 * SMOKE_CONNECTION_LEVELS.length);
  expect(result.rows.filter((r) => r.years === 10).map((r) => [r.layer, r.connections])).toEqual(
    ["subgraph", ...gateways].flatMap((layer) => SMOKE_CONNECTION_LEVELS.map((c) => [layer, c])),
  );
  for (const row of result.rows) {
    expect(row.requests).toBeGreaterThan(0);
    expect(row.p50).toBeLessThanOrEqual(row.p95);
    expect(row.p95).toBeLessThanOrEqual(row.p99);
    expect({ errors: row.errors, non2xx: row.non2xx, graphqlErrors: row.graphqlErrors }).toEqual({ errors: 0, non2xx: 0, graphqlErrors: 0 });
    expect(row.subgraphsRssMiB).toBeGreaterThan(0);
    if (row.layer.includes("Gateway")) expect(row.gatewayRssMiB).toBeGreaterThan(0);
  }
  expect(result.ingest.map((r) => r.layer)).toEqual(["subgraph", ...gateways]);
  // the cached layer kept answers (one per workload and caller at least)
  const cachedRows = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cache.response`);
  expect(cachedRows[0].n).toBeGreaterThanOrEqual(3);
  for (const row of result.ingest) {
    expect(row.values).toBeGreaterThan(0);
    expect(row.read.requests).toBeGreaterThan(0);
    expect(row.read.errors + row.read.non2xx + row.read.graphqlErrors).toBe(0);
  }
  expect(formatReport(result)).toContain("| plan targets | 5 | Hive Gateway | 2 |");
  expect(result.connectionLevels).toEqual(SMOKE_CONNECTION_LEVELS);
  // the targets are stated at 10 and 50 clients, which a smoke run does not measure
  expect(verdict(result)).toEqual([]);
}, 300_000);
