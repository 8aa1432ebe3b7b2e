import { selfAndAncestors } from "../area-hierarchy";

describe("selfAndAncestors", () => {
  it("lists an area and each area above it, the nation last", () => {
    expect(selfAndAncestors({ code: "00001", level: "COMMUNE", parentCode: "001", provinceCode: "01", districtCode: "001" })).toEqual([
      "00001",
      "001",
      "01",
      "VN",
    ]);
    expect(selfAndAncestors({ code: "001", level: "DISTRICT", parentCode: "01", provinceCode: "01", districtCode: null })).toEqual(["001", "01", "VN"]);
    expect(selfAndAncestors({ code: "01", level: "PROVINCE", parentCode: "VN", provinceCode: null, districtCode: null })).toEqual(["01", "VN"]);
    expect(selfAndAncestors({ code: "VN", level: "NATION", parentCode: null, provinceCode: null, districtCode: null })).toEqual(["VN"]);
  });
});
