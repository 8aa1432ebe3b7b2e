// The write path analyzes the value tables once a large write has made their statistics stale,
// and leaves them alone after small writes.
import path from "node:path";
import { repoRoot } from "@vnge/shared";
import { importAreas, readUnitListFile } from "../../area-import";
import { createTestDatabase, type TestDatabase } from "@vnge/shared/testing/test-database";
import { seedCatalogue } from "../../catalogue/catalogue.seed";
import { MIN_ROWS_CHECKED, PlannerStatistics } from "../planner-statistics.store";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await importAreas(db, readUnitListFile(path.join(repoRoot, "prisma", "seed", "demo-areas.json")));
  await seedCatalogue(db);
});
afterAll(() => db?.dispose());

const lastAnalyzed = async () =>
  db.withSession(async (session) => {
    const [row] = await session.query<{ analyzed: string | null }>(
      `SELECT last_analyze::text AS analyzed FROM pg_stat_user_tables WHERE schemaname = 'indicators' AND relname = 'data_value_total'`,
    );
    return row?.analyzed ?? null;
  });

it("analyzes data_value_total after a large write, not after a small one", async () => {
  await db.withSession((session) =>
    session.exec(`INSERT INTO indicators.data_value_total (data_element_code, period, area_code, male, female, none, reporting_areas)
                  SELECT e.code, y::text, a.code, 1, 1, NULL, 1
                  FROM indicators.data_element e CROSS JOIN indicators.area a CROSS JOIN generate_series(2001, 2020) AS y;
                  SELECT pg_stat_force_next_flush();`),
  );
  const statistics = new PlannerStatistics(db);
  expect(await statistics.refreshAfterWrite(MIN_ROWS_CHECKED - 1)).toEqual([]);
  expect(await lastAnalyzed()).toBeNull();
  // The statistics collector reports a backend's changes shortly after its transaction ends.
  let analyzed: string[] = [];
  for (let attempt = 0; attempt < 20 && analyzed.length === 0; attempt++) {
    analyzed = await statistics.refreshAfterWrite(10_000);
    if (analyzed.length === 0) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(analyzed).toContain("data_value_total");
  expect(await lastAnalyzed()).not.toBeNull();
  // Freshly analyzed: the next large write finds nothing stale.
  expect(await statistics.refreshAfterWrite(10_000)).toEqual([]);
});
