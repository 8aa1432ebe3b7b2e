// The benchmark's smoke mode on the test database: the demo areas, 2,080 values through the gateway.
import path from "node:path";
import { repoRoot } from "@vnge/shared";
import { createTestDatabase, type TestDatabase } from "@vnge/shared/testing/test-database";
import { runIndicatorBench, seededRandom } from "../indicators-bench";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.dispose());

it("ingests, measures every query and sees a changed value in the next rollup", async () => {
  const result = await runIndicatorBench({ db, smoke: true, iterations: 3, areasFile: path.join(repoRoot, "prisma", "seed", "demo-areas.json") });
  expect(result.areas).toEqual({ provinces: 4, districts: 55, communes: 52 });
  expect(result.ingest).toMatchObject({ values: 2080, firstSummary: { imported: 2080, updated: 0, unchanged: 0 }, resubmitUnchanged: 500 });
  expect(result.latencies).toHaveLength(6);
  for (const latency of result.latencies) expect(latency.p95).toBeGreaterThan(0);
  expect(result.freshness.visible).toBe(true);
});

it("generates the same values on every run", () => {
  const a = seededRandom(7);
  const b = seededRandom(7);
  expect([a(), a(), a()]).toEqual([b(), b(), b()]);
});
