import path from "node:path";
import { importAreas, readUnitListFile } from "@vnge/indicators";
import { repoRoot } from "../../config";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";
import { AreaDirectory } from "../../areas/area-directory";
import { AreaScope } from "../area-scope";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await importAreas(db, readUnitListFile(path.join(repoRoot, "prisma", "seed", "demo-areas.json")));
});
afterAll(() => db.dispose());

describe("AreaScope", () => {
  it("covers each assigned area and everything beneath it", async () => {
    const district = new AreaScope(new AreaDirectory(db), ["381"]); // Bỉm Sơn, Thanh Hóa
    expect(await district.outside(["381", "14809", "384", "14845", "38", "VN"])).toEqual(["384", "14845", "38", "VN"]);
    const commune = (await db.prisma.area.findFirstOrThrow({ where: { parentCode: "381" } })).code;
    expect(await district.contains(commune)).toBe(true);

    const province = new AreaScope(new AreaDirectory(db), ["38"]);
    expect(await province.outside(["38", "381", commune, "14845", "62", "608", "VN"])).toEqual(["62", "608", "VN"]);
  });

  it("treats the nation as everything and no assignment as nothing", async () => {
    expect(await new AreaScope(new AreaDirectory(db), ["VN"]).outside(["VN", "38", "14845"])).toEqual([]);
    expect(await new AreaScope(new AreaDirectory(db), []).outside(["38"])).toEqual(["38"]);
  });

  it("refuses with FORBIDDEN naming the areas outside", async () => {
    await expect(new AreaScope(new AreaDirectory(db), ["381"]).assertContains(["381", "384"], "submit values")).rejects.toMatchObject({
      message: "You may not submit values for area 384: outside your assigned areas",
      extensions: { code: "FORBIDDEN", areaCodes: ["384"] },
    });
  });
});
