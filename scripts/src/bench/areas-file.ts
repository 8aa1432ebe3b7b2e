// Which list of administrative units a benchmark loads: --areas, else VN_UNITS_FILE, else the national list
// in NATIONAL_DATA_DIR (by default the `shared/data` folder beside the checkout), the folder the tests read.
// The tests' helper (shared/src/testing/national-data.ts) is not reachable from the built package the benchmarks
// run on (its only entry point is the main barrel), so the default is stated here as well;
// __tests__/areas-file.test.ts keeps the two equal.
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "@vnge/shared";

export const DEMO_AREAS = path.join(repoRoot, "prisma", "seed", "demo-areas.json");
export const NATIONAL_UNITS_FILE = "areas/vn-units-2025-03.json";

export function benchNationalDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.NATIONAL_DATA_DIR || path.join(repoRoot, "..", "shared", "data"));
}

export interface AreasFileOptions {
  /** --smoke: the demo areas, unless a list is named. */
  smoke?: boolean;
  /** Whether the benchmark has --smoke, for the message. */
  offersSmoke?: boolean;
  env?: NodeJS.ProcessEnv;
}

/** The list to load; fails naming where it looked when the file is not there. */
export function benchAreasFile(flag: string | undefined, options: AreasFileOptions = {}): string {
  const env = options.env ?? process.env;
  const named = flag ?? env.VN_UNITS_FILE;
  if (named) {
    if (!fs.existsSync(named)) throw new Error(`area list not found: ${named}`);
    return named;
  }
  if (options.smoke) return DEMO_AREAS;
  const national = path.join(benchNationalDataDir(env), NATIONAL_UNITS_FILE);
  if (fs.existsSync(national)) return national;
  throw new Error(
    `national list of administrative units not found at ${national}: set NATIONAL_DATA_DIR to the folder that holds ` +
      `${NATIONAL_UNITS_FILE}, or pass --areas <vn-units.json> (or VN_UNITS_FILE)${options.offersSmoke ? ", or run with --smoke" : ""}`,
  );
}
