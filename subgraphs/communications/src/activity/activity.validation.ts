// The rules each submitted activity must meet, free of I/O: every bad row is reported with its
// index, field and reason; the service writes only rows without any.
import { type AreaPlacement, type RowConflict, monthOfDate, selfAndAncestors } from "@vnge/shared";
import type { ActivityChannel, ActivityKind, MaterialType, TargetGroup } from "./activity.enums";

export const MAX_ACTIVITIES_PER_CALL = 5_000;
const MAX_TITLE_LENGTH = 500;
const MAX_ORGANISER_LENGTH = 300;

export interface SubmittedActivity {
  campaignCode?: string | null;
  areaCode: string;
  kind: ActivityKind;
  title: string;
  startDate: string;
  endDate?: string | null;
  channel?: ActivityChannel | null;
  organiser?: string | null;
  targetGroups?: TargetGroup[] | null;
  reachedMale?: number | null;
  reachedFemale?: number | null;
  participantsMale?: number | null;
  participantsFemale?: number | null;
  officialsMale?: number | null;
  officialsFemale?: number | null;
  materials?: { type: MaterialType; count: number }[] | null;
  cost?: number | null;
}

/** What a row is checked against: the campaign's period and the areas it covers. */
export interface CampaignRule {
  id: string;
  code: string;
  startDate: string;
  endDate: string;
  /** The organising and participating areas: an activity must be at one of them or beneath. */
  areaCodes: readonly string[];
}

/** A row ready to store. */
export interface ValidActivity {
  index: number;
  campaignId: string | null;
  areaCode: string;
  provinceCode: string | null;
  districtCode: string | null;
  kind: ActivityKind;
  title: string;
  startDate: string;
  endDate: string;
  month: string;
  channel: ActivityChannel | null;
  organiser: string | null;
  targetGroups: TargetGroup[];
  reachedMale: number;
  reachedFemale: number;
  participantsMale: number | null;
  participantsFemale: number | null;
  officialsMale: number | null;
  officialsFemale: number | null;
  materials: { type: MaterialType; count: number }[];
  cost: number | null;
}

export type ActivityConflict = RowConflict;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A problem with an ISO date string, or null when it names a real day between 1900 and 2100. */
export function dateProblem(value: string): string | null {
  const match = ISO_DATE.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (year >= 1900 && year <= 2100 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return null;
  }
  return `"${value}" is not a date: use YYYY-MM-DD between 1900 and 2100`;
}

/** The province and district an area lies in, the area itself counting when it is one. */
export function provinceAndDistrict(area: AreaPlacement): { provinceCode: string | null; districtCode: string | null } {
  return {
    provinceCode: area.level === "PROVINCE" ? area.code : area.provinceCode,
    districtCode: area.level === "DISTRICT" ? area.code : area.districtCode,
  };
}

export function validateActivities(
  rows: readonly SubmittedActivity[],
  /** Where a row's area sits in the version in force on its start date (a map by code works within one version). */
  placements: ReadonlyMap<string, AreaPlacement> | ((index: number) => AreaPlacement | undefined),
  campaigns: ReadonlyMap<string, CampaignRule>,
): { valid: ValidActivity[]; conflicts: ActivityConflict[]; rejected: number } {
  const conflicts: ActivityConflict[] = [];
  const valid: ValidActivity[] = [];
  let rejected = 0;

  rows.forEach((row, index) => {
    const before = conflicts.length;
    const refuse = (field: string | null, message: string) => conflicts.push({ index, field, message });
    const count = (field: keyof SubmittedActivity, value: number | null | undefined) => {
      if (value === null || value === undefined) return;
      if (typeof value !== "number" || !Number.isInteger(value)) refuse(field, `${field} must be a whole number, got ${String(value)}`);
      else if (value < 0) refuse(field, `${field} must not be negative, got ${value}`);
    };

    const title = row.title.trim();
    if (title.length === 0) refuse("title", "title must not be empty");
    else if (title.length > MAX_TITLE_LENGTH) refuse("title", `title must be at most ${MAX_TITLE_LENGTH} characters`);
    const organiser = row.organiser?.trim() || null;
    if (organiser && organiser.length > MAX_ORGANISER_LENGTH) refuse("organiser", `organiser must be at most ${MAX_ORGANISER_LENGTH} characters`);

    const area = typeof placements === "function" ? placements(index) : placements.get(row.areaCode);
    if (!area) refuse("areaCode", `unknown area "${row.areaCode}"`);

    const endDate = row.endDate ?? row.startDate;
    const startProblem = dateProblem(row.startDate);
    const endProblem = row.endDate == null ? null : dateProblem(row.endDate);
    if (startProblem) refuse("startDate", startProblem);
    if (endProblem) refuse("endDate", endProblem);
    if (!startProblem && !endProblem && endDate < row.startDate) refuse("endDate", `endDate ${endDate} is before startDate ${row.startDate}`);

    let campaign: CampaignRule | undefined;
    if (row.campaignCode != null) {
      campaign = campaigns.get(row.campaignCode);
      if (!campaign) refuse("campaignCode", `unknown campaign "${row.campaignCode}"`);
      else {
        if (!startProblem && !endProblem && (row.startDate < campaign.startDate || endDate > campaign.endDate)) {
          refuse(
            "startDate",
            `the activity (${row.startDate} to ${endDate}) lies outside campaign ${campaign.code}, which runs from ${campaign.startDate} to ${campaign.endDate}`,
          );
        }
        if (area && !selfAndAncestors(area).some((code) => campaign!.areaCodes.includes(code))) {
          refuse("areaCode", `area ${area.code} does not take part in campaign ${campaign.code} (areas: ${campaign.areaCodes.join(", ")})`);
        }
      }
    }

    count("reachedMale", row.reachedMale);
    count("reachedFemale", row.reachedFemale);
    const training = row.kind === "TRAINING_COURSE";
    for (const field of ["participantsMale", "participantsFemale", "officialsMale", "officialsFemale"] as const) {
      count(field, row[field]);
      if (!training && row[field] != null) refuse(field, `${field} is recorded for training courses only; this activity is a ${row.kind}`);
    }
    for (const [officials, participants] of [
      ["officialsMale", "participantsMale"],
      ["officialsFemale", "participantsFemale"],
    ] as const) {
      const o = row[officials];
      if (training && o != null && o > (row[participants] ?? 0)) {
        refuse(officials, `${officials} (${o}) exceeds ${participants} (${row[participants] ?? 0}): officials are counted among the participants`);
      }
    }

    const seenTypes = new Set<string>();
    (row.materials ?? []).forEach((material, m) => {
      if (!Number.isInteger(material.count) || material.count < 0) {
        refuse(`materials.${m}.count`, `a material count must be a whole number >= 0, got ${material.count}`);
      }
      if (seenTypes.has(material.type)) refuse(`materials.${m}.type`, `material type ${material.type} is listed twice`);
      seenTypes.add(material.type);
    });

    if (row.cost != null && (!Number.isFinite(row.cost) || row.cost < 0)) refuse("cost", `cost must be a number >= 0, got ${row.cost}`);

    if (conflicts.length > before) {
      rejected++;
      return;
    }
    valid.push({
      index,
      campaignId: campaign?.id ?? null,
      areaCode: row.areaCode,
      ...provinceAndDistrict(area!),
      kind: row.kind,
      title,
      startDate: row.startDate,
      endDate,
      month: monthOfDate(row.startDate),
      channel: row.channel ?? null,
      organiser,
      targetGroups: [...new Set(row.targetGroups ?? [])],
      reachedMale: row.reachedMale ?? 0,
      reachedFemale: row.reachedFemale ?? 0,
      participantsMale: training ? (row.participantsMale ?? null) : null,
      participantsFemale: training ? (row.participantsFemale ?? null) : null,
      officialsMale: training ? (row.officialsMale ?? null) : null,
      officialsFemale: training ? (row.officialsFemale ?? null) : null,
      materials: row.materials ?? [],
      cost: row.cost ?? null,
    });
  });
  return { valid, conflicts, rejected };
}
