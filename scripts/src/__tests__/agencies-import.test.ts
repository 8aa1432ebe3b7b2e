// What `npm run agencies:import` does: a province's agencies from a CSV (or JSON) file, all or nothing, every bad
// row reported with its line; the plans import then lands the appendix's agency column on them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { importAreas, readUnitListFile, seedCatalogue } from "@vnge/indicators";
import { repoRoot } from "@vnge/shared";
import { createTestDatabase, type TestDatabase } from "@vnge/shared/testing/test-database";
import { importAgencyFile } from "../agencies-import";
import { importPlanFile } from "../plan-import";

let db: TestDatabase;
let dir: string;
beforeAll(async () => {
  db = await createTestDatabase();
  await importAreas(db, readUnitListFile(path.join(repoRoot, "prisma", "seed", "demo-areas.json")));
  await seedCatalogue(db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "agencies-"));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await db?.dispose();
});

const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

const KON_TUM = `code,area_code,hierarchy,kind,name,name_vi,aliases
62-LDTBXH,62,2025-03,DEPARTMENT,Department of Labour,Sở Lao động - Thương binh và Xã hội,
62-GDDT,62,2025-03,DEPARTMENT,Department of Education,Sở Giáo dục và Đào tạo,
62-KHDT,62,2025-03,DEPARTMENT,Department of Planning and Investment,Sở Kế hoạch và Đầu tư,
62-NV,62,2025-03,DEPARTMENT,Department of Home Affairs,Sở Nội vụ,
62-TTTT,62,2025-03,DEPARTMENT,Department of Information and Communications,Sở Thông tin và Truyền thông,
62-TP,62,2025-03,department,Department of Justice,Sở Tư pháp,
62-VHTTDL,62,2025-03,DEPARTMENT,"Department of Culture, Sports and Tourism",Sở Văn hóa - Thể thao và Du lịch,
62-YT,62,2025-03,DEPARTMENT,Department of Health,Sở Y tế,
62-HLHPN,62,2025-03,MASS_ORGANISATION,Women's Union,Hội Liên hiệp Phụ nữ tỉnh Kon Tum,Hội LHPN tỉnh|Hội LHPN tỉnh Kon Tum
`;

describe("agencies:import", () => {
  it("reports every bad row with its line and imports nothing", async () => {
    const file = write(
      "bad.csv",
      `code,area_code,kind,name_vi
62-A,62,DEPARTMENT,Sở A
x,62,DEPARTMENT,Sở B
62-C,62,MINISTRY,Sở C
62-D,,DEPARTMENT,
`,
    );
    await expect(importAgencyFile(db, file)).rejects.toMatchObject({
      problems: [
        { at: "line 3", message: "code must be 2-40 letters, digits or dashes" },
        { at: "line 4", message: expect.stringContaining('kind "MINISTRY" is not one of DEPARTMENT') },
        { at: "line 5", message: expect.stringMatching(/area_code is empty.*nameVi must be 1-200 characters/) },
      ],
    });
    await expect(importAgencyFile(db, write("cols.csv", "code,area,kind\n62-A,62,DEPARTMENT\n"))).rejects.toThrow(
      "line 1: missing column(s) area_code, name_vi; unknown column(s) area",
    );
    // A well-formed file naming an unknown area is refused whole by the service's own rule.
    await expect(
      importAgencyFile(db, write("area.csv", "code,area_code,kind,name_vi\n62-A,62,DEPARTMENT,Sở A\n99-A,99,DEPARTMENT,Sở A\n")),
    ).rejects.toMatchObject({
      extensions: { code: "BAD_USER_INPUT", field: "agencies[1].areaCode" },
    });
    expect(await db.prisma.agency.count()).toBe(0);
  });

  it("defines a province's agencies from CSV, and the plan's agency column lands on them", async () => {
    const agencies = await importAgencyFile(db, write("kon-tum.csv", KON_TUM));
    expect(agencies).toHaveLength(9);
    expect(agencies.find((a) => a.code === "62-HLHPN")).toMatchObject({ areaCode: "62", kind: "MASS_ORGANISATION", level: "PROVINCE" });
    expect(agencies.find((a) => a.code === "62-TP")?.kind).toBe("DEPARTMENT");

    const result = await importPlanFile(db, {
      file: path.join(repoRoot, "tests", "fixtures", "kon-tum-2017-appendix.csv"),
      areaCode: "62",
      documentNumber: "16/KH-BVSTBCPN",
      create: { title: "Triển khai thực hiện công tác bình đẳng giới năm 2017", type: "YEARLY", startYear: 2017, endYear: 2017 },
    });
    expect(result.definedAgencies).toEqual([]);
    expect(result.warnings.filter((w) => w.column === "responsible_agency")).toEqual([]);
    // Every imported target that names an agency leads with one of the file's.
    const named = await db.prisma.target.count({ where: { responsibleAgency: { not: null } } });
    const leads = await db.prisma.targetAgency.findMany({ where: { role: "LEAD" }, select: { agencyCode: true } });
    expect(named).toBeGreaterThan(0);
    expect(leads).toHaveLength(named);
    for (const lead of leads) expect(agencies.map((a) => a.code)).toContain(lead.agencyCode);
  });

  it("changes agencies by code from a JSON file, and re-imports are idempotent", async () => {
    const json = write(
      "update.json",
      JSON.stringify({
        agencies: [{ code: "62-YT", areaCode: "62", hierarchy: "2025-03", kind: "DEPARTMENT", nameVi: "Sở Y tế tỉnh Kon Tum", aliases: ["Sở Y tế"] }],
      }),
    );
    expect((await importAgencyFile(db, json))[0]).toMatchObject({ code: "62-YT", nameVi: "Sở Y tế tỉnh Kon Tum", name: "Sở Y tế tỉnh Kon Tum" });
    await importAgencyFile(db, json);
    expect(await db.prisma.agency.count()).toBe(9);
    await expect(importAgencyFile(db, write("not.json", "{ nope"))).rejects.toThrow(/file: not JSON/);
  });
});
