// The default data sets: the groups of data elements areas report, approve and lock together, with
// the day each level must have reported by (as data, so an office can change them without a release).
import type { AreaLevel } from "@vnge/shared";

export interface DeadlineDefinition {
  level: AreaLevel;
  /** Month (1-12) and day of the period's year (+ yearOffset) by which the level must have reported. */
  month: number;
  day: number;
  yearOffset?: number;
}

export interface DataSetDefinition {
  code: string;
  name: string;
  nameVi: string;
  collectionLevel: AreaLevel;
  elements: readonly string[];
  deadlines: readonly DeadlineDefinition[];
}

export const DATA_SETS: readonly DataSetDefinition[] = [
  {
    code: "ANNUAL_GENDER_COMMUNE",
    name: "Annual gender statistics (communes)",
    nameVi: "Thống kê giới hằng năm (cấp xã)",
    collectionLevel: "COMMUNE",
    elements: [
      "LIVE_BIRTHS",
      "MATERNAL_DEATHS",
      "GBV_VICTIMS_DETECTED",
      "GBV_VICTIMS_SUPPORTED",
      "GBV_PERPETRATORS_DETECTED",
      "GBV_PERPETRATORS_COUNSELLED",
      "RURAL_WORKERS",
      "RURAL_WORKERS_TRAINED",
      "COMMUNITY_CONVENTIONS",
      "COMMUNITY_CONVENTIONS_NON_DISCRIMINATORY",
    ],
    // communes by 5 December, districts by 8 December, provinces by 10 December, the nation by 20 December
    deadlines: [
      { level: "COMMUNE", month: 12, day: 5 },
      { level: "DISTRICT", month: 12, day: 8 },
      { level: "PROVINCE", month: 12, day: 10 },
      { level: "NATION", month: 12, day: 20 },
    ],
  },
  {
    code: "ANNUAL_GENDER_PROVINCE",
    name: "Annual gender statistics (provinces)",
    nameVi: "Thống kê giới hằng năm (cấp tỉnh)",
    collectionLevel: "PROVINCE",
    elements: [
      "TRAFFICKING_VICTIMS_IN_NEED",
      "TRAFFICKING_VICTIMS_SUPPORTED",
      "SOCIAL_ASSISTANCE_FACILITIES",
      "FACILITIES_WITH_GBV_SERVICES",
      "EMPLOYED_PERSONS",
      "WAGE_WORKERS",
      "AGRICULTURE_WORKERS",
      "ENTERPRISES",
      "ENTERPRISES_WOMAN_LED",
      "AGENCIES",
      "AGENCIES_WITH_WOMAN_KEY_LEADER",
    ],
    deadlines: [
      { level: "PROVINCE", month: 12, day: 10 },
      { level: "NATION", month: 12, day: 20 },
    ],
  },
  {
    code: "ANNUAL_EDUCATION_DISTRICT",
    name: "Annual ethnic-minority primary education (districts)",
    nameVi: "Giáo dục tiểu học trẻ em dân tộc thiểu số hằng năm (cấp huyện)",
    collectionLevel: "DISTRICT",
    elements: ["ETHNIC_MINORITY_PRIMARY_COHORT", "ETHNIC_MINORITY_PRIMARY_COMPLETED"],
    deadlines: [
      { level: "DISTRICT", month: 12, day: 8 },
      { level: "PROVINCE", month: 12, day: 10 },
      { level: "NATION", month: 12, day: 20 },
    ],
  },
];
