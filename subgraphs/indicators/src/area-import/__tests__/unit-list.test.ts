import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { UnitListError, parseUnitList, readUnitListFile } from "../unit-list";

const commune = (code: string, districtCode: string) => ({
  Code: code,
  Name: `Xã ${code}`,
  NameEn: `Commune ${code}`,
  FullName: `Xã ${code}`,
  FullNameEn: `Commune ${code}`,
  DistrictCode: districtCode,
});

const validList = () => [
  {
    Code: "38",
    Name: "Thanh Hóa",
    NameEn: "Thanh Hoa",
    FullName: "Tỉnh Thanh Hóa",
    FullNameEn: "Thanh Hoa Province",
    District: [
      {
        Code: "381",
        Name: "Bỉm Sơn",
        NameEn: "Bim Son",
        FullName: "Thị xã Bỉm Sơn",
        FullNameEn: "Bim Son Town",
        ProvinceCode: "38",
        Ward: [commune("14845", "381"), commune("14848", "381")],
      },
      { Code: "318", Name: "Đảo", FullName: "Huyện đảo", ProvinceCode: "38" },
    ],
  },
];

function problemsOf(data: unknown): string[] {
  try {
    parseUnitList(data);
  } catch (error) {
    expect(error).toBeInstanceOf(UnitListError);
    return (error as UnitListError).problems;
  }
  throw new Error("expected the list to be refused");
}

describe("parseUnitList", () => {
  it("flattens the hierarchy with parents, ancestors and the nation first", () => {
    const rows = parseUnitList(validList());
    expect(rows.map((r) => [r.code, r.level, r.parentCode])).toEqual([
      ["VN", "NATION", null],
      ["38", "PROVINCE", "VN"],
      ["381", "DISTRICT", "38"],
      ["14845", "COMMUNE", "381"],
      ["14848", "COMMUNE", "381"],
      ["318", "DISTRICT", "38"],
    ]);
    const commune = rows.find((r) => r.code === "14845");
    expect(commune).toMatchObject({ provinceCode: "38", districtCode: "381" });
    expect(rows.find((r) => r.code === "381")).toMatchObject({ provinceCode: "38", districtCode: null });
  });

  it("keeps leading zeros and falls back to the Vietnamese name when no English one is given", () => {
    const list = validList();
    list[0].Code = "02";
    list[0].District[0].ProvinceCode = "02";
    list[0].District[1].ProvinceCode = "02";
    const rows = parseUnitList(list);
    expect(rows[1].code).toBe("02");
    expect(rows.find((r) => r.code === "318")).toMatchObject({ nameEn: "Đảo", fullNameEn: "Huyện đảo" });
  });

  it("names every malformed record by position and code", () => {
    // biome-ignore lint/suspicious/noExplicitAny: the test breaks the list in ways its type forbids
    const list = validList() as unknown as Record<string, any>[];
    list[0].District[0].Ward[1].Code = 14848; // a number: leading zeros would be lost
    list[0].District[1].Name = "";
    list.push({ Code: "380", Name: "X", FullName: "X" }); // a district code at province level
    const problems = problemsOf(list);
    expect(problems).toEqual([
      "[0].District[0].Ward[1]: Code must be a string of 5 digits, got 14848",
      "[0].District[1] (code 318): Name must be a non-empty string",
      '[1] (code 380): Code must be a string of 2 digits, got "380"',
    ]);
  });

  it("refuses duplicate codes and children that name another parent", () => {
    // biome-ignore lint/suspicious/noExplicitAny: the test breaks the list in ways its type forbids
    const list = validList() as unknown as Record<string, any>[];
    list[0].District[1].Code = "381";
    list[0].District[0].Ward[0].DistrictCode = "999";
    const problems = problemsOf(list);
    expect(problems).toContain('[0].District[0].Ward[0] (code 14845): DistrictCode "999" does not match its parent 381');
    expect(problems).toContain("[0].District[1] (code 381): code 381 is used twice (also at [0].District[0])");
  });

  it("refuses a file that is not a list of provinces", () => {
    expect(problemsOf({ Code: "38" })).toEqual(["the file must hold a JSON array of provinces"]);
    expect(problemsOf([null])).toEqual(["[0]: expected an object"]);
  });
});

describe("readUnitListFile", () => {
  const write = (text: string) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "units-")), "units.json");
    fs.writeFileSync(file, text);
    return file;
  };

  it("reads a valid file", () => {
    expect(readUnitListFile(write(JSON.stringify(validList())))).toHaveLength(6);
  });

  it("reports a file that is missing or not JSON", () => {
    expect(() => readUnitListFile("/nonexistent/units.json")).toThrow(/cannot read \/nonexistent\/units.json: ENOENT/);
    expect(() => readUnitListFile(write("[{"))).toThrow(/is not valid JSON/);
  });
});
