import { UnitListError } from "../unit-list";
import { parseReform, unitNames, withoutDiacritics } from "../reform";

const CSV = "Stt,Mã số,Tên\n1,01,Thành phố Hà Nội\n2,08,Tỉnh Tuyên Quang\n";
const merges = (level2s: unknown[], provinces = ["01", "08"]) => ({
  data: provinces.map((code, i) => ({
    level1_id: code,
    merges: [{ old_id: code, type: "full" }],
    level2s: i === 0 ? level2s : [{ level2_id: "02269", name: "Xã Minh Thanh", merges: [{ old_id: "02269", type: "full" }] }],
  })),
});
const communes = [
  {
    level2_id: "00004",
    name: "Phường Ba Đình",
    merges: [
      { old_id: "00004", type: "full" },
      { old_id: "00016", type: "partial" },
    ],
  },
  { level2_id: "00008", name: "Phường Ngọc Hà", merges: [{ old_id: "00016", type: "partial" }] },
];

describe("parseReform", () => {
  it("reads provinces from the CSV, communes under their province and the mapping edges with their kinds", () => {
    const parsed = parseReform({ provincesCsv: CSV, merges: merges(communes) });
    expect(parsed.areas.map((a) => `${a.level}:${a.code}:${a.parentCode}`)).toEqual([
      "NATION:VN:null",
      "PROVINCE:01:VN",
      "COMMUNE:00004:01",
      "COMMUNE:00008:01",
      "PROVINCE:08:VN",
      "COMMUNE:02269:08",
    ]);
    expect(parsed.areas[2]).toMatchObject({
      name: "Ba Đình",
      nameEn: "Ba Dinh",
      fullName: "Phường Ba Đình",
      fullNameEn: "Ba Dinh Ward",
      provinceCode: "01",
      districtCode: null,
    });
    expect(parsed.areas[1]).toMatchObject({ name: "Hà Nội", fullNameEn: "Ha Noi City" });
    expect(parsed.leafEdges).toContainEqual({ fromCode: "00016", toCode: "00008", kind: "PARTIAL" });
    expect(parsed.provinceEdges).toEqual([
      { fromCode: "01", toCode: "01", kind: "FULL" },
      { fromCode: "08", toCode: "08", kind: "FULL" },
    ]);
  });

  it("names every inconsistency: a full unit mapped twice, a lone partial, a province missing from the CSV, a bad kind", () => {
    const bad = [
      {
        level2_id: "00004",
        name: "Phường Ba Đình",
        merges: [
          { old_id: "00004", type: "full" },
          { old_id: "00001", type: "odd" },
        ],
      },
      {
        level2_id: "00008",
        name: "Phường Ngọc Hà",
        merges: [
          { old_id: "00004", type: "full" },
          { old_id: "00019", type: "partial" },
        ],
      },
    ];
    try {
      parseReform({ provincesCsv: CSV, merges: merges(bad, ["01", "99"]) });
      throw new Error("expected a failure");
    } catch (error) {
      expect(error).toBeInstanceOf(UnitListError);
      const problems = (error as UnitListError).problems.join("\n");
      expect(problems).toMatch(/type must be "full" or "partial"/);
      expect(problems).toMatch(/old unit 00004 is marked full in 00004 but also maps to 1 other unit/);
      expect(problems).toMatch(/old unit 00019 is marked partial but maps to 00008 only/);
      expect(problems).toMatch(/province "99" is not in the provinces CSV/);
      expect(problems).toMatch(/province 08 of the provinces CSV has no entry in the merges file/);
    }
  });

  it("checks the splits file against the merges file", () => {
    const splits = { data: [{ level1_id: "01", level3s: [{ level3_id: "00016", splits: [{ new_id: "00004" }, { new_id: "00025" }] }] }] };
    expect(() => parseReform({ provincesCsv: CSV, merges: merges(communes), splits })).toThrow(/maps 00016 to 00025, which the merges file does not/);
  });
});

describe("unit names", () => {
  it("strips the unit type and the diacritics", () => {
    expect(unitNames("Đặc khu Lý Sơn")).toEqual({ name: "Lý Sơn", nameEn: "Ly Son", fullName: "Đặc khu Lý Sơn", fullNameEn: "Ly Son Special Zone" });
    expect(withoutDiacritics("Đắk Lắk")).toBe("Dak Lak");
  });
});
