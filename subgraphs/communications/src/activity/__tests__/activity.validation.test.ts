import type { AreaPlacement } from "@vnge/shared";
import { type CampaignRule, type SubmittedActivity, dateProblem, validateActivities } from "../activity.validation";

const placements = new Map<string, AreaPlacement>([
  ["01", { code: "01", level: "PROVINCE", parentCode: "VN", provinceCode: null, districtCode: null }],
  ["001", { code: "001", level: "DISTRICT", parentCode: "01", provinceCode: "01", districtCode: null }],
  ["00001", { code: "00001", level: "COMMUNE", parentCode: "001", provinceCode: "01", districtCode: "001" }],
  ["00005", { code: "00005", level: "COMMUNE", parentCode: "003", provinceCode: "02", districtCode: "003" }],
]);
const campaigns = new Map<string, CampaignRule>([["C", { id: "c-id", code: "C", startDate: "2024-11-15", endDate: "2024-12-15", areaCodes: ["001"] }]]);
const row = (overrides: Partial<SubmittedActivity> = {}): SubmittedActivity => ({
  areaCode: "00001",
  kind: "BROADCAST",
  title: "Bản tin",
  startDate: "2024-11-20",
  ...overrides,
});
const conflictsOf = (rows: SubmittedActivity[]) => validateActivities(rows, placements, campaigns).conflicts.map((c) => [c.index, c.field]);

describe("validateActivities", () => {
  it("accepts a good row, filling defaults and the ancestors used by rollups", () => {
    const { valid, conflicts } = validateActivities(
      [row({ campaignCode: "C", endDate: "2024-11-21", targetGroups: ["OFFICIALS", "OFFICIALS"] })],
      placements,
      campaigns,
    );
    expect(conflicts).toEqual([]);
    expect(valid[0]).toMatchObject({
      index: 0,
      campaignId: "c-id",
      provinceCode: "01",
      districtCode: "001",
      month: "202411",
      endDate: "2024-11-21",
      reachedMale: 0,
      reachedFemale: 0,
      participantsMale: null,
      targetGroups: ["OFFICIALS"],
      materials: [],
      cost: null,
    });
  });

  it("places a district and a province at themselves", () => {
    const { valid } = validateActivities([row({ areaCode: "001" }), row({ areaCode: "01" })], placements, campaigns);
    expect(valid.map((v) => [v.provinceCode, v.districtCode])).toEqual([
      ["01", "001"],
      ["01", null],
    ]);
  });

  it("refuses bad dates, dates out of order and dates outside the campaign", () => {
    expect(
      conflictsOf([
        row({ startDate: "2024-13-01" }),
        row({ endDate: "2024-11-19" }),
        row({ campaignCode: "C", startDate: "2024-11-14" }),
        row({ campaignCode: "C", endDate: "2024-12-16" }),
      ]),
    ).toEqual([
      [0, "startDate"],
      [1, "endDate"],
      [2, "startDate"],
      [3, "startDate"],
    ]);
  });

  it("refuses unknown areas and campaigns, and an area outside the campaign's areas", () => {
    expect(
      conflictsOf([
        row({ areaCode: "12345" }),
        row({ campaignCode: "X" }),
        row({ areaCode: "00005", campaignCode: "C" }),
        row({ areaCode: "01", campaignCode: "C" }),
      ]),
    ).toEqual([
      [0, "areaCode"],
      [1, "campaignCode"],
      [2, "areaCode"],
      [3, "areaCode"],
    ]);
  });

  it("refuses negative or fractional counts, costs and material counts, and repeated material types", () => {
    expect(
      conflictsOf([
        row({ reachedFemale: -1 }),
        row({ reachedMale: 1.5 }),
        row({ cost: -10 }),
        row({ materials: [{ type: "LEAFLET", count: -1 }] }),
        row({
          materials: [
            { type: "LEAFLET", count: 1 },
            { type: "LEAFLET", count: 2 },
          ],
        }),
        row({ title: "  " }),
      ]),
    ).toEqual([
      [0, "reachedFemale"],
      [1, "reachedMale"],
      [2, "cost"],
      [3, "materials.0.count"],
      [4, "materials.1.type"],
      [5, "title"],
    ]);
  });

  it("takes participants and officials for training courses only, officials among participants", () => {
    expect(
      conflictsOf([
        row({ kind: "TRAINING_COURSE", participantsMale: 2, officialsMale: 2, participantsFemale: 1, officialsFemale: 2 }),
        row({ kind: "TALK", officialsMale: 1 }),
        row({ kind: "TRAINING_COURSE", officialsMale: 1 }),
      ]),
    ).toEqual([
      [0, "officialsFemale"],
      [1, "officialsMale"],
      [2, "officialsMale"],
    ]);
  });
});

describe("dateProblem", () => {
  it("accepts real days only", () => {
    expect(dateProblem("2024-02-29")).toBeNull();
    expect(dateProblem("2023-02-29")).toMatch(/not a date/);
    expect(dateProblem("2024-1-01")).toMatch(/not a date/);
    expect(dateProblem("1899-12-31")).toMatch(/not a date/);
  });
});
