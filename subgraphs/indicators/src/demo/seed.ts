// Demo areas: a real subset of the national list (the provinces the seed plans come from),
// loaded through the same parser and import as the national file.
import path from "node:path";
import { type Database, importAreas, readUnitListFile, repoRoot } from "@vnge/shared";

export const DEMO_AREAS_FILE = path.join(repoRoot, "prisma", "seed", "demo-areas.json");

export async function seedDemo(db: Database): Promise<void> {
  const rows = readUnitListFile(DEMO_AREAS_FILE);
  await importAreas(db.prisma, rows);
}
