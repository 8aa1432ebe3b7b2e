// The benchmark's smoke mode on the test database: the demo areas, 40 values per commune through the gateway.
import path from "node:path";
import { readUnitListFile } from "@vnge/indicators";
import { repoRoot } from "@vnge/shared";
import { createTestDatabase, type TestDatabase } from "@vnge/shared/testing/test-database";
import { runIndicatorBench, seededRandom } from "../indicators-bench";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.dispose());

it("ingests, measures every query and sees a changed value in the next rollup", async () => {
  const areasFile = path.join(repoRoot, "prisma", "seed", "demo-areas.json");
  const rows = readUnitListFile(areasFile);
  const count = (level: string) => rows.filter((row) => row.level === level).length;
  const result = await runIndicatorBench({ db, smoke: true, iterations: 3, areasFile });
  expect(result.areas).toEqual({ provinces: count("PROVINCE"), districts: count("DISTRICT"), communes: count("COMMUNE") });
  const values = count("COMMUNE") * 40;
  expect(result.ingest).toMatchObject({ values, firstSummary: { imported: values, updated: 0, unchanged: 0 }, resubmitUnchanged: 500 });
  expect(result.latencies).toHaveLength(6);
  for (const latency of result.latencies) expect(latency.p95).toBeGreaterThan(0);
  expect(result.freshness.visible).toBe(true);
});

it("generates the same values on every run", () => {
  const a = seededRandom(7);
  const b = seededRandom(7);
  expect([a(), a(), a()]).toEqual([b(), b(), b()]);
});
