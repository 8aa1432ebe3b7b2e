import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "../../config";
import { findNationalData, locateNationalData, NATIONAL_FILES, NationalDataMissingError, nationalDataDir } from "../national-data";
import { describeWithNationalData, type JestGlobals } from "../national-suite";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "national-data-"));
const complete = path.join(scratch, "complete");
for (const file of Object.values(NATIONAL_FILES)) {
  fs.mkdirSync(path.dirname(path.join(complete, file)), { recursive: true });
  fs.writeFileSync(path.join(complete, file), "");
}
const absent = path.join(scratch, "absent");
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe("the national data folder", () => {
  it("is the shared/data folder beside the checkout unless NATIONAL_DATA_DIR names another", () => {
    expect(nationalDataDir({})).toBe(path.resolve(repoRoot, "..", "shared", "data"));
    expect(nationalDataDir({ NATIONAL_DATA_DIR: complete })).toBe(complete);
    expect(nationalDataDir({ NATIONAL_DATA_DIR: "" })).toBe(path.resolve(repoRoot, "..", "shared", "data"));
  });

  it("is found only when every file is there, and required it fails loudly", () => {
    expect(findNationalData({ NATIONAL_DATA_DIR: complete })?.files.units).toBe(path.join(complete, "areas", "vn-units-2025-03.json"));
    fs.rmSync(path.join(complete, NATIONAL_FILES.splits));
    try {
      expect(locateNationalData({ NATIONAL_DATA_DIR: complete }).missing).toEqual([NATIONAL_FILES.splits]);
      expect(findNationalData({ NATIONAL_DATA_DIR: complete })).toBeUndefined();
    } finally {
      fs.writeFileSync(path.join(complete, NATIONAL_FILES.splits), "");
    }
    expect(findNationalData({ NATIONAL_DATA_DIR: absent })).toBeUndefined();
    expect(() => findNationalData({ NATIONAL_DATA_DIR: absent, REQUIRE_NATIONAL_DATA: "1" })).toThrow(NationalDataMissingError);
    expect(() => findNationalData({ NATIONAL_DATA_DIR: absent, REQUIRE_NATIONAL_DATA: "1" })).toThrow(`national lists not found at ${absent}`);
    expect(findNationalData({ NATIONAL_DATA_DIR: complete, REQUIRE_NATIONAL_DATA: "1" })?.dir).toBe(complete);
  });
});

/** Records what a test file would declare, hooks included. */
function fakeJest() {
  const declared: { kind: string; title: string; fn?: () => void }[] = [];
  const globals: JestGlobals = {
    describe: (title: string, body: () => void) => {
      declared.push({ kind: "describe", title });
      body();
    },
    it: ((title: string, fn?: () => void) => declared.push({ kind: "it", title, fn })) as JestGlobals["it"],
    test: ((title: string, fn?: () => void) => declared.push({ kind: "test", title, fn })) as JestGlobals["test"],
    beforeAll: ((fn: () => void) => declared.push({ kind: "beforeAll", title: "", fn })) as JestGlobals["it"],
  };
  return { declared, globals };
}

describe("describeWithNationalData", () => {
  const file = path.join(repoRoot, "tests", "some.test.ts");
  const body = (globals: JestGlobals, seen: string[]) => (data: { dir: string }) => {
    seen.push(data.dir);
    const { it, test } = globals as unknown as Record<"it" | "test", (title: string) => void>;
    it("one");
    test("two");
    globals.describe("nested", () => (globals.it as unknown as (title: string) => void)("three"));
  };

  it("declares the tests when the lists are there, with their paths, and says nothing", () => {
    const { declared, globals } = fakeJest();
    const notices: string[] = [];
    const seen: string[] = [];
    describeWithNationalData(file, "national", body(globals, seen), { env: { NATIONAL_DATA_DIR: complete }, globals, notice: (line) => notices.push(line) });
    expect(declared.map((d) => d.kind)).toEqual(["describe", "it", "test", "describe", "it"]);
    expect(seen).toEqual([complete]);
    expect(notices).toEqual([]);
  });

  it("declares none of them when the lists are absent, says in one line how many did not run, and checks the lists are absent", () => {
    const { declared, globals } = fakeJest();
    const notices: string[] = [];
    const seen: string[] = [];
    const withHook = (data: { dir: string }) => {
      (globals.beforeAll as unknown as (fn: () => void) => void)(() => seen.push(data.dir));
      body(globals, seen)(data);
      (globals.it as unknown as { each: (table: unknown[]) => (title: string) => void }).each([[1], [2]])("row %i");
    };
    describeWithNationalData(file, "national", withHook, { env: { NATIONAL_DATA_DIR: absent }, globals, notice: (line) => notices.push(line) });
    const line = `national lists not found at ${absent}: 5 tests of tests/some.test.ts not run (set NATIONAL_DATA_DIR)`;
    expect(notices).toEqual([line]);
    // one test in the file, named by that line; neither the body's tests nor its hook were declared
    expect(declared.map(({ kind, title }) => ({ kind, title }))).toEqual([
      { kind: "describe", title: "national" },
      { kind: "it", title: line },
    ]);
    expect(() => declared[1].fn?.()).not.toThrow();
    // Declaring works as before afterwards.
    globals.it();
    expect(declared.filter((d) => d.kind === "it")).toHaveLength(2);
  });

  it("fails when the lists are required and absent", () => {
    const { globals } = fakeJest();
    expect(() =>
      describeWithNationalData(file, "national", () => undefined, { env: { NATIONAL_DATA_DIR: absent, REQUIRE_NATIONAL_DATA: "1" }, globals }),
    ).toThrow(NationalDataMissingError);
  });
});
