// Rules of recording activities: size cap, scope (FORBIDDEN, nothing written), row validation
// (all or nothing by default), the write, then the aggregates for the indicator engine.
import { type AreaHierarchy, type AreaPlacement, type AreaScope, BadUserInputError, ForbiddenError } from "@vnge/shared";
import type { CampaignStore } from "../campaign/campaign.store";
import type { CommunicationFeed } from "../feed/communication-feed";
import type { ActivityStore } from "./activity.store";
import type { Activity } from "./activity.type";
import { type ActivityConflict, type CampaignRule, MAX_ACTIVITIES_PER_CALL, type SubmittedActivity, validateActivities } from "./activity.validation";

/** The hierarchy version of each row: the one in force on its start date (today's for a date that is not one). */
async function activityVersions(hierarchy: AreaHierarchy, rows: readonly SubmittedActivity[]): Promise<string[]> {
  const timeline = await hierarchy.timeline();
  return rows.map((row) => (/^\d{4}-\d{2}-\d{2}$/.test(row.startDate) ? timeline.on(row.startDate) : timeline.current()).code);
}

export interface RecordOptions {
  dryRun?: boolean;
  allOrNothing?: boolean;
}

export interface RecordResult {
  imported: number;
  rejected: number;
  conflicts: ActivityConflict[];
  activities: Activity[];
  indicatorsUpdated: boolean;
}

export class ActivityService {
  constructor(
    private readonly deps: {
      store: ActivityStore;
      campaignStore: CampaignStore;
      hierarchy: AreaHierarchy;
      scope: AreaScope;
      feed: CommunicationFeed;
      subject: string;
    },
  ) {}

  async record(rows: readonly SubmittedActivity[], options: RecordOptions = {}): Promise<RecordResult> {
    const { store, campaignStore, hierarchy, scope, feed, subject } = this.deps;
    if (rows.length === 0) throw new BadUserInputError("activities must not be empty", { field: "activities" });
    if (rows.length > MAX_ACTIVITIES_PER_CALL) {
      throw new BadUserInputError(`a call records at most ${MAX_ACTIVITIES_PER_CALL} activities, got ${rows.length}; split it`, { field: "activities" });
    }
    const campaignCodes = [...new Set(rows.map((row) => row.campaignCode).filter((code): code is string => code != null))];
    const [versions, campaigns] = await Promise.all([
      activityVersions(hierarchy, rows),
      campaignCodes.length > 0 ? campaignStore.findByCodes(campaignCodes) : Promise.resolve([]),
    ]);
    // Each row's area is read in the version in force on its start date.
    const placements = new Map<string, AreaPlacement>();
    const outside = new Set<string>();
    for (const version of new Set(versions)) {
      const codes = rows.filter((_, i) => versions[i] === version).map((row) => row.areaCode);
      const found = await hierarchy.placements(codes, version);
      for (const [code, place] of found) placements.set(`${version}|${code}`, place);
      for (const code of await scope.outside([...found.keys()], version)) outside.add(`${version}|${code}`);
    }
    const placeOf = new Map(rows.map((row, i) => [i, placements.get(`${versions[i]}|${row.areaCode}`)]));

    // Scope before anything else: a caller learns nothing about rows outside their areas, and nothing is written.
    const forbiddenRows = rows.flatMap((row, index) => (outside.has(`${versions[index]}|${row.areaCode}`) ? [index] : []));
    if (forbiddenRows.length > 0) {
      const codes = [...new Set(forbiddenRows.map((index) => rows[index].areaCode))];
      throw new ForbiddenError(
        `You may not record activities for area${codes.length === 1 ? "" : "s"} ${codes.slice(0, 10).join(", ")} ` +
          `(row${forbiddenRows.length === 1 ? "" : "s"} ${forbiddenRows.slice(0, 20).join(", ")}): outside your assigned areas`,
        { areaCodes: codes.slice(0, 100), rows: forbiddenRows.slice(0, 100) },
      );
    }

    const rules = new Map<string, CampaignRule>(
      campaigns.map((c) => [c.code, { id: c.id, code: c.code, startDate: c.startDate, endDate: c.endDate, areaCodes: c.areas.map((a) => a.code) }]),
    );
    const { valid, conflicts, rejected } = validateActivities(rows, (index) => placeOf.get(index), rules);
    const allOrNothing = options.allOrNothing ?? true;
    const toWrite = allOrNothing && conflicts.length > 0 ? [] : valid;
    if (options.dryRun || toWrite.length === 0) {
      return { imported: options.dryRun ? toWrite.length : 0, rejected, conflicts, activities: [], indicatorsUpdated: true };
    }
    const ids = await store.insert(toWrite, subject);
    const indicatorsUpdated = await feed.refresh(toWrite);
    return { imported: ids.length, rejected, conflicts, activities: await store.findByIds(ids), indicatorsUpdated };
  }
}
