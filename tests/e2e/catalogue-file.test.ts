// The catalogue file (catalogue:export / catalogue:import): moved between databases whole, idempotent, all or
// nothing with every bad entry named, and the shipped catalogue is such a file.
import fs from "node:fs";
import path from "node:path";
import { CatalogueFileError, exportCatalogue, importCatalogue } from "@vnge/indicators";
import { repoRoot } from "@vnge/shared";
import { DEFAULT_CATALOGUE_FILE, importAreas, readUnitListFile } from "@vnge/indicators";
import { createTestDatabase, type TestDatabase } from "@vnge/shared/testing/test-database";
import { type TestSystem, startTestSystem } from "../testkit";

let system: TestSystem;
let empty: TestDatabase;
beforeAll(async () => {
  system = await startTestSystem();
  empty = await createTestDatabase();
  // the owners of local definitions are areas: the other server has the same list of areas
  await importAreas(empty, readUnitListFile(path.join(repoRoot, "prisma", "seed", "demo-areas.json")));
});
afterAll(async () => {
  await system?.close();
  await empty?.dispose();
});

const as = { changedBy: "test-operator" };
type FileShape = {
  dataElements: { code: string; valueType: string }[];
  indicators: { code: string; name: string; factor: number; numerator: { element: string } }[];
};

describe("the catalogue file", () => {
  it("is what the database is seeded with: importing the shipped file into the demo changes nothing", async () => {
    const summary = await importCatalogue(system.db, fs.readFileSync(DEFAULT_CATALOGUE_FILE, "utf8"), as);
    expect(summary).toMatchObject({ created: [], updated: [], retired: [] });
    expect(summary.unchanged).toBeGreaterThan(50);
  });

  it("moves a catalogue with local definitions to an empty database, the same on both, and a re-import changes nothing", async () => {
    await system.gateway.request(`mutation {
      createDataElement(input: { code: "62.LITERACY_LEARNERS", owner: "62", name: "Literacy class learners", nameVi: "Số học viên lớp xóa mù chữ",
        valueType: COUNT, disaggregatedBySex: true, collectionLevel: COMMUNE, confidential: true }) { code }
      createIndicator(input: { code: "62.LITERACY_LEARNERS", owner: "62", name: "Literacy class learners", nameVi: "Số học viên lớp xóa mù chữ",
        numerator: { element: "62.LITERACY_LEARNERS" }, factor: 1, unit: COUNT, decimals: 0, betterDirection: HIGHER }) { code }
    }`);
    const exported = await exportCatalogue(system.db);
    expect(exported).toContain('"62.LITERACY_LEARNERS"');

    const first = await importCatalogue(empty, exported, as);
    expect(first.created).toContain("INDICATOR 62.LITERACY_LEARNERS");
    expect(first.created).toContain("DATA_ELEMENT 62.LITERACY_LEARNERS");
    expect(first.created).toContain("DATA_SET ANNUAL_GENDER_COMMUNE");
    expect(await exportCatalogue(empty)).toBe(exported);

    const again = await importCatalogue(empty, exported, as);
    expect(again).toMatchObject({ created: [], updated: [], retired: [] });
    const audit = await empty.prisma.catalogueChange.count({ where: { code: "62.LITERACY_LEARNERS" } });
    expect(audit).toBe(2);
  });

  it("names every bad entry and writes nothing", async () => {
    const file = JSON.parse(await exportCatalogue(empty)) as FileShape;
    const before = await exportCatalogue(empty);
    file.indicators.find((i) => i.code === "MATERNAL_MORTALITY_RATIO")!.numerator.element = "MATERNAL_DEATHS_TYPO";
    file.dataElements.find((e) => e.code === "ENTERPRISES")!.valueType = "COUNTS";
    file.indicators.find((i) => i.code === "COMM_BROADCASTS")!.factor = 2; // a valid change: must not land either
    const text = JSON.stringify(file);
    const error = await importCatalogue(empty, text, as).catch((e: CatalogueFileError) => e);
    expect(error).toBeInstanceOf(CatalogueFileError);
    const problems = (error as CatalogueFileError).problems;
    expect(problems).toEqual([expect.stringMatching(/^dataElements\[\d+\] \(ENTERPRISES\): valueType must be one of COUNT, NUMBER/)]);
    // once its shape is right, the formula is checked and named
    file.dataElements.find((e) => e.code === "ENTERPRISES")!.valueType = "COUNT";
    const formula = await importCatalogue(empty, JSON.stringify(file), as).catch((e: CatalogueFileError) => e);
    expect((formula as CatalogueFileError).problems).toEqual([
      expect.stringMatching(/^indicators\[\d+\] \(MATERNAL_MORTALITY_RATIO\): numerator: unknown data element "MATERNAL_DEATHS_TYPO"/),
    ]);
    expect(await exportCatalogue(empty)).toBe(before);
  });

  it("shows in a dry run what it would change, and writes nothing", async () => {
    const file = JSON.parse(await exportCatalogue(empty)) as FileShape;
    file.indicators.find((i) => i.code === "LIVE_BIRTHS")!.name = "Live births (all)";
    const summary = await importCatalogue(empty, JSON.stringify(file), { ...as, dryRun: true });
    expect(summary).toMatchObject({ dryRun: true, created: [], updated: ["INDICATOR LIVE_BIRTHS"], retired: [] });
    expect((await empty.prisma.indicator.findUnique({ where: { code: "LIVE_BIRTHS" } }))?.name).toBe("Live births");
  });

  it("keeps the meaning of a definition that has data, and the imported definitions reach the gateway", async () => {
    const file = JSON.parse(await exportCatalogue(system.db)) as FileShape;
    file.indicators.find((i) => i.code === "SEX_RATIO_AT_BIRTH")!.factor = 1000;
    const refused = await importCatalogue(system.db, JSON.stringify(file), as).catch((e: CatalogueFileError) => e);
    expect((refused as CatalogueFileError).problems).toEqual([
      expect.stringMatching(/^indicators\[\d+\] \(SEX_RATIO_AT_BIRTH\): has values and targets: its factor cannot change/),
    ]);

    file.indicators.find((i) => i.code === "SEX_RATIO_AT_BIRTH")!.factor = 100;
    (file.indicators as unknown[]).push({
      code: "62.LITERACY_LEARNERS_WOMEN",
      owner: "62",
      name: "Women in literacy classes",
      nameVi: "Số học viên nữ lớp xóa mù chữ",
      numerator: { element: "62.LITERACY_LEARNERS", sex: "FEMALE" },
      factor: 1,
      unit: "COUNT",
      decimals: 0,
      betterDirection: "HIGHER",
    });
    expect((await importCatalogue(system.db, JSON.stringify(file), as)).created).toEqual(["INDICATOR 62.LITERACY_LEARNERS_WOMEN"]);
    const data = await system.gateway.request<{ indicator: { owner: string; numerator: { sex: string } } }>(
      `{ indicator(code: "62.LITERACY_LEARNERS_WOMEN") { owner numerator { sex } } }`,
    );
    expect(data.indicator).toEqual({ owner: "62", numerator: { sex: "FEMALE" } });
  });
});
