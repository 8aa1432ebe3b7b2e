// Demo areas: a real subset of the national list (the provinces the seed plans come from),
// loaded through the same parser and import as the national file.
import path from "node:path";
import fs from "node:fs";
import { type Database, importAreas, parseUnitList, repoRoot } from "@vnge/shared";

export const DEMO_AREAS_FILE = path.join(repoRoot, "prisma", "seed", "demo-areas.json");

export async function seedDemo(db: Database): Promise<void> {
  const rows = parseUnitList(JSON.parse(fs.readFileSync(DEMO_AREAS_FILE, "utf8")));
  await importAreas(db.prisma, rows);
}
