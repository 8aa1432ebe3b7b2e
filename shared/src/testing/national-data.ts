// Where tests find the national lists of administrative units. The lists are published by others and
// are not part of this repository: a checkout reads them from NATIONAL_DATA_DIR, by default the
// `shared/data` folder beside it. REQUIRE_NATIONAL_DATA=1 (CI) turns their absence into an error, so
// the tests that need them cannot be skipped unnoticed there.
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "../config";

/** The files inside the folder, by what they hold (see README "Hierarchy versions"). */
export const NATIONAL_FILES = {
  /** The 2025-03 list: province > district > commune. */
  units: "areas/vn-units-2025-03.json",
  /** The 2025 reform: new provinces, new units with the old units merged into them, old units with their new units. */
  provinces: "areas/vn-provinces-2025-07.csv",
  merges: "areas/vn-reform-2025-07-merges.json",
  splits: "areas/vn-reform-2025-07-splits.json",
} as const;

export type NationalFile = keyof typeof NATIONAL_FILES;

export interface NationalData {
  dir: string;
  /** Absolute path of each file (whether or not it exists). */
  files: Record<NationalFile, string>;
  /** Files of NATIONAL_FILES not found in the folder. */
  missing: string[];
}

export const NATIONAL_DATA_VARIABLE = "NATIONAL_DATA_DIR";
export const REQUIRE_NATIONAL_DATA_VARIABLE = "REQUIRE_NATIONAL_DATA";

export function nationalDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env[NATIONAL_DATA_VARIABLE] || path.join(repoRoot, "..", "shared", "data"));
}

export const nationalDataRequired = (env: NodeJS.ProcessEnv = process.env): boolean => ["1", "true"].includes(env[REQUIRE_NATIONAL_DATA_VARIABLE] ?? "");

export class NationalDataMissingError extends Error {
  constructor(readonly data: NationalData) {
    super(
      `national lists not found at ${data.dir} (missing ${data.missing.join(", ")}), and ${REQUIRE_NATIONAL_DATA_VARIABLE} is set: ` +
        `set ${NATIONAL_DATA_VARIABLE} to the folder that holds them`,
    );
    this.name = "NationalDataMissingError";
  }
}

/** The folder and its files; `missing` lists what is absent. */
export function locateNationalData(env: NodeJS.ProcessEnv = process.env): NationalData {
  const dir = nationalDataDir(env);
  const files = Object.fromEntries(Object.entries(NATIONAL_FILES).map(([key, file]) => [key, path.join(dir, file)])) as Record<NationalFile, string>;
  const missing = Object.values(NATIONAL_FILES).filter((file) => !fs.existsSync(path.join(dir, file)));
  return { dir, files, missing };
}

/** The national lists when every file is there, else undefined; throws instead when they are required. */
export function findNationalData(env: NodeJS.ProcessEnv = process.env): NationalData | undefined {
  const data = locateNationalData(env);
  if (data.missing.length === 0) return data;
  if (nationalDataRequired(env)) throw new NationalDataMissingError(data);
  return undefined;
}
