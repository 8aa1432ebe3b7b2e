// What `npm run plans:import` does, on a fresh database: creates the plan when asked, imports the
// appendix, and reports every row that did not land.
import path from "node:path";
import { seedCatalogue } from "@vnge/indicators";
import { repoRoot } from "@vnge/shared";
import { createTestDatabase, type TestDatabase } from "@vnge/shared/testing/test-database";
import { describeImport, importPlanFile } from "../plan-import";

const FIXTURE = path.join(repoRoot, "tests", "fixtures", "kon-tum-2017-appendix.csv");

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  // targets are checked against the catalogue tables, as on a server after catalogue:load
  await seedCatalogue(db);
});
afterAll(() => db?.dispose());

describe("plans:import", () => {
  const plan = { file: FIXTURE, areaCode: "62", documentNumber: "16/KH-BVSTBCPN" };

  it("refuses to guess a plan that does not exist", async () => {
    await expect(importPlanFile(db, plan)).rejects.toThrow(/no plan numbered "16\/KH-BVSTBCPN"; give --title/);
  });

  it("creates the plan and imports the table, reporting each row that did not land", async () => {
    const result = await importPlanFile(db, {
      ...plan,
      create: { title: "Triển khai thực hiện công tác bình đẳng giới năm 2017", type: "YEARLY", startYear: 2017, endYear: 2017, documentDate: "2017-03-22" },
    });
    expect(result.targets).toHaveLength(14);
    const stored = await db.prisma.target.findMany({ where: { planId: result.plan.id } });
    expect(stored).toHaveLength(14);
    expect(stored.find((t) => t.indicatorCode === "SEX_RATIO_AT_BIRTH" && t.period === "2017")).toMatchObject({ targetValue: 112, areaCode: "62", sex: "ALL" });
    const report = describeImport(result);
    expect(report[0]).toBe('imported 14 targets from 21 rows into "Triển khai thực hiện công tác bình đẳng giới năm 2017" (16/KH-BVSTBCPN)');
    expect(report.filter((line) => line.includes("not imported"))).toHaveLength(result.problems.length);
    expect(result.problems.length).toBeGreaterThanOrEqual(21 - 7);
  });

  it("writes nothing in a dry run", async () => {
    const result = await importPlanFile(db, { ...plan, dryRun: true });
    expect(result.dryRun).toBe(true);
    expect(result.targets).toHaveLength(0);
    expect(result.problems.filter((problem) => /duplicate target/.test(problem.message))).toHaveLength(14);
    expect(await db.prisma.target.count()).toBe(14);
  });
});
