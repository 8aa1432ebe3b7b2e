// The load benchmark's smoke mode on the test database: demo areas, 2,080 values, short runs at
// every connection level against the gateway and the indicators subgraph.
import path from "node:path";
import { repoRoot } from "@vnge/shared";
import { createTestDatabase, type TestDatabase } from "@vnge/shared/testing/test-database";
import { CONNECTION_LEVELS, LOAD_TARGETS, formatLoadTable, runLoadBench } from "../load-bench";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.dispose());

it("measures the dashboard query at every connection level without errors", async () => {
  const result = await runLoadBench({ db, smoke: true, durationSeconds: 1, warmupSeconds: 0.3, areasFile: path.join(repoRoot, "prisma", "seed", "demo-areas.json") });
  expect(result.values).toBe(2080);
  expect(result.rows.map((r) => [r.target, r.connections])).toEqual(LOAD_TARGETS.flatMap((t) => CONNECTION_LEVELS.map((c) => [t, c])));
  for (const row of result.rows) {
    expect(row.requests).toBeGreaterThan(0);
    for (const figure of [row.rps, row.p50, row.p95, row.p99, row.peakRssMiB]) expect(figure).toBeGreaterThan(0);
    expect(row.p50).toBeLessThanOrEqual(row.p95);
    expect(row.p95).toBeLessThanOrEqual(row.p99);
    expect({ errors: row.errors, non2xx: row.non2xx, graphqlErrors: row.graphqlErrors }).toEqual({ errors: 0, non2xx: 0, graphqlErrors: 0 });
  }
  expect(formatLoadTable(result).split("\n")).toHaveLength(2 + result.rows.length);
}, 180_000);
