import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NATIONAL_FILES, nationalDataDir } from "@vnge/shared/testing";
import { benchAreasFile, benchNationalDataDir, DEMO_AREAS, NATIONAL_UNITS_FILE } from "../areas-file";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "bench-areas-"));
const national = path.join(scratch, "data");
fs.mkdirSync(path.join(national, "areas"), { recursive: true });
fs.writeFileSync(path.join(national, NATIONAL_UNITS_FILE), "[]");
const other = path.join(scratch, "other.json");
fs.writeFileSync(other, "[]");
const absent = path.join(scratch, "absent");
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe("the benchmarks' area list", () => {
  it("is read from the folder the tests read, by default and from NATIONAL_DATA_DIR", () => {
    expect(benchNationalDataDir({})).toBe(nationalDataDir({}));
    expect(benchNationalDataDir({ NATIONAL_DATA_DIR: national })).toBe(nationalDataDir({ NATIONAL_DATA_DIR: national }));
    expect(NATIONAL_UNITS_FILE).toBe(NATIONAL_FILES.units);
    expect(benchAreasFile(undefined, { env: { NATIONAL_DATA_DIR: national } })).toBe(path.join(national, NATIONAL_UNITS_FILE));
  });

  it("is the file named by --areas, else VN_UNITS_FILE, else the demo areas with --smoke", () => {
    expect(benchAreasFile(other, { env: { NATIONAL_DATA_DIR: national } })).toBe(other);
    expect(benchAreasFile(undefined, { env: { VN_UNITS_FILE: other, NATIONAL_DATA_DIR: national } })).toBe(other);
    expect(benchAreasFile(undefined, { smoke: true, env: { NATIONAL_DATA_DIR: national } })).toBe(DEMO_AREAS);
  });

  it("fails saying where it looked and how to name the list when the file is absent", () => {
    expect(() => benchAreasFile(undefined, { env: { NATIONAL_DATA_DIR: absent } })).toThrow(
      `national list of administrative units not found at ${path.join(absent, NATIONAL_UNITS_FILE)}: set NATIONAL_DATA_DIR to the folder that holds ` +
        `${NATIONAL_UNITS_FILE}, or pass --areas <vn-units.json> (or VN_UNITS_FILE)`,
    );
    expect(() => benchAreasFile(undefined, { offersSmoke: true, env: { NATIONAL_DATA_DIR: absent } })).toThrow(/, or run with --smoke$/);
    expect(() => benchAreasFile(path.join(scratch, "missing.json"), { env: {} })).toThrow(`area list not found: ${path.join(scratch, "missing.json")}`);
  });
});
