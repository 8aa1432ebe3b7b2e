// The report benchmark's smoke run on the demo areas: every report generated in every format, without errors.
import path from "node:path";
import { repoRoot } from "@vnge/shared";
import { createTestDatabase, type TestDatabase } from "@vnge/shared/testing/test-database";
import { formatReportTable, runReportBench } from "../report-bench";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.dispose());

it("times the national and a province's report as JSON, workbook and document", async () => {
  const result = await runReportBench({ db, areasFile: path.join(repoRoot, "prisma", "seed", "demo-areas.json"), runs: 2 });
  expect(result.targets).toBe(9);
  expect(result.values).toBeGreaterThan(0);
  const each = ["VN json", "VN xlsx", "VN docx", "02 json", "02 xlsx", "02 docx"];
  expect(result.timings.map((t) => `${t.cached ? "cached" : "uncached"} ${t.area} ${t.format}`)).toEqual([
    ...each.map((r) => `uncached ${r}`),
    ...each.map((r) => `cached ${r}`),
  ]);
  for (const timing of result.timings) {
    expect(timing.bytes).toBeGreaterThan(1000);
    expect(timing.minMs).toBeGreaterThan(0);
    expect(timing.minMs).toBeLessThanOrEqual(timing.maxMs);
  }
  expect(formatReportTable(result)).toContain("| off | national | xlsx |");
}, 180_000);
