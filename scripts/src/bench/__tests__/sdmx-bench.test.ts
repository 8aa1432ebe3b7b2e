// The SDMX benchmark on a tiny data set (one district's first communes of the demo areas, 2 years): every pull
// answers, its figures are counted and the memory ratio is computed, so the benchmark cannot break unnoticed.
import { readUnitListFile } from "@vnge/indicators";
import { createTestDatabase, type TestDatabase } from "@vnge/shared/testing/test-database";
import { DEMO_AREAS } from "../areas-file";
import { formatSdmxRatio, formatSdmxTable, runSdmxBench } from "../sdmx-bench";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.dispose());

it("pulls every area as SDMX-CSV and SDMX-JSON and reports time, size and memory", async () => {
  const all = readUnitListFile(DEMO_AREAS);
  const commune = all.find((row) => row.level === "COMMUNE")!;
  const communes = all.filter((row) => row.level === "COMMUNE" && row.parentCode === commune.parentCode).slice(0, 3);
  const rows = all.filter((row) => row.level === "NATION" || row.code === commune.provinceCode || row.code === commune.parentCode).concat(communes);

  const result = await runSdmxBench({ db, rows, years: 2, runs: 2 });
  expect(result.communes).toBe(communes.length);
  expect(result.indicators.length).toBeGreaterThan(0);
  expect(result.values).toBeGreaterThan(0);
  expect(result.cases.map((c) => c.label)).toEqual(["1 year, CSV", "2 years, CSV", "2 years, JSON"]);
  for (const c of result.cases) {
    expect(c.runs).toHaveLength(2);
    expect(c.observations).toBeGreaterThan(0);
    expect(c.bytes).toBeGreaterThan(0);
    expect(c.seconds.min).toBeGreaterThan(0);
    expect(c.seconds.min).toBeLessThanOrEqual(c.seconds.max);
    expect(Number.isFinite(c.peakRss.median) && Number.isFinite(c.peakHeap.median)).toBe(true);
  }
  const [oneYear, twoYears] = result.cases;
  // Two years of the same areas: twice the observations.
  expect(twoYears.observations).toBe(2 * oneYear.observations);
  expect(result.ratio.years).toBe(2);
  expect(result.ratio.bytes).toBeGreaterThan(1.5);
  expect(result.ratio.peakRss).toBeGreaterThan(0);
  expect(Number.isFinite(result.ratio.peakHeap)).toBe(true);
  expect(formatSdmxTable(result)).toContain("| 2 years, JSON |");
  expect(formatSdmxRatio(result)).toMatch(/^2 years over 1 year/);
}, 240_000);
