// Demo areas: a real subset of both hierarchies, loaded through the same parsers and imports as the national
// files: the 63-province list in force until 30 June 2025 (seven of its provinces) and the 34-province
// hierarchy in force since 1 July 2025, with the mapping between them for the four provinces the seven
// became (Thanh Hóa; Quảng Ngãi with Kon Tum; Hưng Yên with Thái Bình; Tuyên Quang with Hà Giang). Then the
// catalogue and figures for every demo commune (made up, repeatable): 2023 and 2024 on the old communes,
// 2025 and 2026 on the new ones, so one time series crosses the reform.
import path from "node:path";
import { AreaDirectory, AreaScope, type Database, type DemoExtent, NATION_CODE, repoRoot } from "@vnge/shared";
import { importAreas, importHierarchyVersion, readReformFiles, readUnitListFile } from "../area-import";
import { seedCatalogue } from "../catalogue/catalogue.seed";
import { createDataValueService } from "../context";
import type { SubmittedValue } from "../data-value/data-value.validation";

const SEED_DIR = path.join(repoRoot, "prisma", "seed");
export const DEMO_AREAS_FILE = path.join(SEED_DIR, "demo-areas.json");
export const DEMO_REFORM = {
  version: { code: "2025-07", name: "Province > commune (from 1 July 2025)", validFrom: "2025-07-01", previous: "2025-03" },
  files: { provinces: path.join(SEED_DIR, "demo-provinces-2025-07.csv"), merges: path.join(SEED_DIR, "demo-reform-2025-07-merges.json") },
};
/** The years of demo figures on the hierarchy before the reform, and on the one after it. */
export const DEMO_PERIODS_BEFORE_REFORM = ["2023", "2024"];
export const DEMO_PERIODS_AFTER_REFORM = ["2025", "2026"];
/** The first demo year: its figures are drawn from the commune code alone. */
export const DEMO_PERIOD = DEMO_PERIODS_BEFORE_REFORM[0];

/** A small repeatable number in [low, high] drawn from a string. */
function figure(seed: string, low: number, high: number): number {
  let hash = 2166136261;
  for (const char of seed) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return low + (hash % (high - low + 1));
}

/** The demo figures of these communes for one year (the first demo year draws the same figures as always). */
export function demoValues(communeCodes: readonly string[], period: string = DEMO_PERIOD): SubmittedValue[] {
  const salt = period === DEMO_PERIOD ? "" : period;
  const values: SubmittedValue[] = [];
  for (const areaCode of communeCodes) {
    const base = { areaCode, period };
    const key = `${areaCode}${salt}`;
    const girls = figure(`${key}F`, 40, 120);
    const boys = Math.round(girls * (figure(`${key}R`, 104, 120) / 100));
    values.push(
      { ...base, dataElementCode: "LIVE_BIRTHS", sex: "MALE", value: boys },
      { ...base, dataElementCode: "LIVE_BIRTHS", sex: "FEMALE", value: girls },
    );
    values.push({ ...base, dataElementCode: "MATERNAL_DEATHS", value: figure(`${key}M`, 0, 12) === 0 ? 1 : 0 });
    for (const sex of ["MALE", "FEMALE"] as const) {
      const detected = figure(`${key}${sex}V`, 0, sex === "FEMALE" ? 9 : 3);
      values.push({ ...base, dataElementCode: "GBV_VICTIMS_DETECTED", sex, value: detected });
      values.push({ ...base, dataElementCode: "GBV_VICTIMS_SUPPORTED", sex, value: Math.min(detected, figure(`${key}${sex}S`, 0, 9)) });
    }
  }
  return values;
}

export async function seedDemo(db: Database, extent: DemoExtent = "present"): Promise<void> {
  const rows = readUnitListFile(DEMO_AREAS_FILE);
  await importAreas(db, rows);
  const reform = extent === "present" ? readReformFiles(DEMO_REFORM.files) : undefined;
  if (reform) await importHierarchyVersion(db, DEMO_REFORM.version, reform);
  await seedCatalogue(db);
  const service = createDataValueService(db, new AreaScope(new AreaDirectory(db), [NATION_CODE]));
  const communesOf = (areas: typeof rows) => areas.filter((row) => row.level === "COMMUNE").map((row) => row.code);
  // Before the reform alone, the demo keeps to its first year: suites of other years start from no data.
  const years: [string[], string[]][] = [[reform ? DEMO_PERIODS_BEFORE_REFORM : [DEMO_PERIOD], communesOf(rows)]];
  if (reform) years.push([DEMO_PERIODS_AFTER_REFORM, communesOf(reform.areas)]);
  const values = years.flatMap(([periods, communes]) => periods.flatMap((period) => demoValues(communes, period)));
  const result = await service.submit(values, { submittedBy: "demo-seed" });
  if (result.conflicts.length > 0) throw new Error(`demo values refused: ${result.conflicts[0].message}`);
}
