// What `npm run plans:import` does, on a fresh database with the demo areas and the catalogue: creates the plan
// when asked, imports the appendix, defines local indicators for the rows that name none, and reports every row
// that did not land; a dry run writes nothing.
import path from "node:path";
import { seedCatalogue } from "@vnge/indicators";
import { repoRoot } from "@vnge/shared";
import { importAreas, readUnitListFile } from "@vnge/indicators";
import { createTestDatabase, type TestDatabase } from "@vnge/shared/testing/test-database";
import { codeName, rowUnit } from "../plan-definitions";
import { describeImport, importPlanFile } from "../plan-import";

const FIXTURE = path.join(repoRoot, "tests", "fixtures", "kon-tum-2017-appendix.csv");
const ROWS = 22;

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await importAreas(db, readUnitListFile(path.join(repoRoot, "prisma", "seed", "demo-areas.json")));
  // targets are checked against the catalogue tables, as on a server after catalogue:load
  await seedCatalogue(db);
});
afterAll(() => db?.dispose());

const counts = async () => ({ plans: await db.prisma.plan.count(), targets: await db.prisma.target.count(), indicators: await db.prisma.indicator.count() });

describe("plans:import", () => {
  const plan = { file: FIXTURE, areaCode: "62", documentNumber: "16/KH-BVSTBCPN" };
  const create = {
    title: "Triển khai thực hiện công tác bình đẳng giới năm 2017",
    type: "YEARLY" as const,
    startYear: 2017,
    endYear: 2017,
    documentDate: "2017-03-22",
  };

  it("refuses to guess a plan that does not exist, and an unknown area", async () => {
    await expect(importPlanFile(db, plan)).rejects.toThrow(/no plan numbered "16\/KH-BVSTBCPN"; give --title/);
    await expect(importPlanFile(db, { ...plan, areaCode: "99", create })).rejects.toThrow('unknown area "99"');
    expect(await counts()).toMatchObject({ plans: 0, targets: 0 });
  });

  it("writes nothing in a dry run, not even the plan or the definitions, and says what it would do", async () => {
    const before = await counts();
    const result = await importPlanFile(db, { ...plan, create, dryRun: true, defineMissing: { level: "PROVINCE" } });
    expect(result.dryRun).toBe(true);
    expect(result.defined?.created).toContain("INDICATOR 62.TY_LE_NU_THAC_SI_VA_TUONG_DUONG");
    expect(result.targets.length).toBeGreaterThan(30);
    expect(describeImport(result)[0]).toMatch(/^would define \d+ local definitions/);
    expect(await counts()).toEqual(before);
  });

  it("creates the plan and imports the table, reporting each row that did not land", async () => {
    const result = await importPlanFile(db, { ...plan, create });
    // 8 rows name a catalogue indicator, each with a 2017 and a 2020 target
    expect(result.targets).toHaveLength(16);
    const stored = await db.prisma.target.findMany({ where: { planId: result.plan.id } });
    expect(stored).toHaveLength(16);
    expect(stored.find((t) => t.indicatorCode === "SEX_RATIO_AT_BIRTH" && t.period === "2017")).toMatchObject({ targetValue: 112, areaCode: "62", sex: "ALL" });
    const report = describeImport(result);
    expect(report[0]).toBe(`imported 16 targets from ${ROWS} rows into "Triển khai thực hiện công tác bình đẳng giới năm 2017" (16/KH-BVSTBCPN)`);
    expect(report.filter((line) => line.includes("not imported"))).toHaveLength(result.problems.length);
    expect(result.problems.length).toBeGreaterThanOrEqual(ROWS - 8);
  });

  it("defines a local indicator of the province for every row that names none, so every row but one is tracked", async () => {
    const result = await importPlanFile(db, { ...plan, defineMissing: { level: "PROVINCE" } });
    const defined = result.defined!.created.filter((code) => code.startsWith("INDICATOR "));
    expect(defined).toHaveLength(14);
    const stored = await db.prisma.target.findMany({ where: { planId: result.plan.id } });
    const indicatorsWithTargets = new Set(stored.map((t) => t.indicatorCode));
    // 21 rows are tracked; the staffing row has no figure at all ("Bố trí đủ cán bộ")
    expect(indicatorsWithTargets.size).toBe(ROWS - 1);
    expect(result.problems.filter((p) => p.message === "the row has no target value" || /not a figure/.test(p.message)).length).toBeGreaterThan(0);
    const abortion = stored.find((t) => t.indicatorCode.startsWith("62.GIAM_TY_LE_PHA_THAI") && t.period === "2017");
    expect(abortion).toMatchObject({ targetValue: 86, comparison: "AT_MOST", sourceText: "< 86/100.000" });
    const abortionIndicator = await db.prisma.indicator.findUnique({ where: { code: abortion!.indicatorCode } });
    expect(abortionIndicator).toMatchObject({ owner: "62", unit: "PER_100000", factor: 100000, betterDirection: "LOWER" });
    const masters = stored.find((t) => t.indicatorCode === "62.TY_LE_NU_THAC_SI_VA_TUONG_DUONG" && t.period === "2017");
    expect(masters?.notes).toContain('"27*" carries a footnote mark');

    // a re-import defines nothing more and adds no target
    const before = await counts();
    const again = await importPlanFile(db, { ...plan, defineMissing: { level: "PROVINCE" } });
    expect(again.defined!.created).toEqual([]);
    expect(again.targets).toEqual([]);
    expect(await counts()).toEqual(before);
  });
});

describe("local definitions from rows", () => {
  it("name the indicator after its first words and measure it in the row's unit", () => {
    expect(codeName("Tỷ lệ nữ thạc sĩ và tương đương")).toBe("TY_LE_NU_THAC_SI_VA_TUONG_DUONG");
    expect(codeName("Rút ngắn khoảng cách về thời gian tham gia công việc gia đình")).toBe("RUT_NGAN_KHOANG_CACH_VE_THOI_GIAN_THAM");
    const row = { line: 2, indicator: "Giảm tỷ lệ phá thai", unit: "Tỷ số", comparison: "AT_MOST", figures: ["86/100.000", "< 86/100.000"] };
    expect(rowUnit(row)).toBe("PER_100000");
    expect(rowUnit({ ...row, unit: "Lần", figures: ["1,2"] })).toBe("TIMES");
    expect(rowUnit({ ...row, unit: "", indicator: "Tỷ lệ phụ nữ nhiễm HIV", figures: ["100"] })).toBe("PERCENT");
    expect(rowUnit({ ...row, unit: "", indicator: "Giảm 40% sản phẩm", figures: ["40%"] })).toBe("PERCENT");
    expect(rowUnit({ ...row, unit: "Người", figures: [] })).toBe("COUNT");
  });
});
