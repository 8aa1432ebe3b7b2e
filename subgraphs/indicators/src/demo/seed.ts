// Demo areas: a real subset of the national list (the provinces the seed plans come from),
// loaded through the same parser and import as the national file; then the catalogue and a few
// 2023 figures for every demo commune (made up, repeatable), so rollups show numbers.
import path from "node:path";
import { AreaDirectory, AreaScope, type Database, NATION_CODE, repoRoot } from "@vnge/shared";
import { importAreas, readUnitListFile } from "../area-import";
import { seedCatalogue } from "../catalogue/catalogue.seed";
import { createDataValueService } from "../context";
import type { SubmittedValue } from "../data-value/data-value.validation";

export const DEMO_AREAS_FILE = path.join(repoRoot, "prisma", "seed", "demo-areas.json");
export const DEMO_PERIOD = "2023";

/** A small repeatable number in [low, high] drawn from a string. */
function figure(seed: string, low: number, high: number): number {
  let hash = 2166136261;
  for (const char of seed) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return low + (hash % (high - low + 1));
}

export function demoValues(communeCodes: readonly string[]): SubmittedValue[] {
  const values: SubmittedValue[] = [];
  for (const areaCode of communeCodes) {
    const base = { areaCode, period: DEMO_PERIOD };
    const girls = figure(`${areaCode}F`, 40, 120);
    const boys = Math.round(girls * (figure(`${areaCode}R`, 104, 120) / 100));
    values.push(
      { ...base, dataElementCode: "LIVE_BIRTHS", sex: "MALE", value: boys },
      { ...base, dataElementCode: "LIVE_BIRTHS", sex: "FEMALE", value: girls },
    );
    values.push({ ...base, dataElementCode: "MATERNAL_DEATHS", value: figure(`${areaCode}M`, 0, 12) === 0 ? 1 : 0 });
    for (const sex of ["MALE", "FEMALE"] as const) {
      const detected = figure(`${areaCode}${sex}V`, 0, sex === "FEMALE" ? 9 : 3);
      values.push({ ...base, dataElementCode: "GBV_VICTIMS_DETECTED", sex, value: detected });
      values.push({ ...base, dataElementCode: "GBV_VICTIMS_SUPPORTED", sex, value: Math.min(detected, figure(`${areaCode}${sex}S`, 0, 9)) });
    }
  }
  return values;
}

export async function seedDemo(db: Database): Promise<void> {
  const rows = readUnitListFile(DEMO_AREAS_FILE);
  await importAreas(db, rows);
  await seedCatalogue(db);
  const service = createDataValueService(db, new AreaScope(new AreaDirectory(db), [NATION_CODE]));
  const communes = rows.filter((row) => row.level === "COMMUNE").map((row) => row.code);
  const result = await service.submit(demoValues(communes), { submittedBy: "demo-seed" });
  if (result.conflicts.length > 0) throw new Error(`demo values refused: ${result.conflicts[0].message}`);
}
