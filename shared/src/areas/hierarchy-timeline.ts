// The versions of the administrative hierarchy in time order. Data are dated (a period, a day), and the
// date decides the version their area codes belong to: the version in force on the period's last day
// (docs/decisions/0060-hierarchy-versions.md). The earliest version has no start and answers for every
// day before its successor.
import type { Database } from "../database/client";
import { BadUserInputError } from "../errors";
import { parsePeriod, periodEndDate } from "../periods/period";

export interface HierarchyVersion {
  code: string;
  name: string;
  /** YYYY-MM-DD; null for the earliest version. */
  validFrom: string | null;
  /** The last day it is in force (YYYY-MM-DD); null while it is the newest. */
  validTo: string | null;
  /** False when its communes lie directly beneath their provinces (2025-07 on); true (or absent) otherwise. */
  hasDistricts?: boolean;
}

/** The version the tables were created with; every area stored before versions existed belongs to it. */
export const BASE_HIERARCHY = "2025-03";

const dayBefore = (isoDate: string): string => new Date(Date.parse(`${isoDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export class HierarchyTimeline {
  /** Oldest first. */
  readonly versions: readonly HierarchyVersion[];

  constructor(versions: readonly { code: string; name: string; validFrom: string | null; hasDistricts?: boolean }[]) {
    const ordered = [...versions].sort((a, b) => (a.validFrom ?? "").localeCompare(b.validFrom ?? ""));
    this.versions = ordered.map((version, i) => ({
      ...version,
      validTo: i + 1 < ordered.length ? dayBefore(ordered[i + 1].validFrom!) : null,
    }));
  }

  static async load(db: Database): Promise<HierarchyTimeline> {
    // A version without districts has communes and no district (an empty or partial tree counts as having them).
    const rows = await db.query<{
      code: string;
      name: string;
      valid_from: string | null;
      has_districts: boolean;
    }>(`SELECT code, name, to_char(valid_from, 'YYYY-MM-DD') AS valid_from,
              EXISTS (SELECT 1 FROM indicators.area a WHERE a.hierarchy = h.code AND a.level = 'DISTRICT')
                OR NOT EXISTS (SELECT 1 FROM indicators.area a WHERE a.hierarchy = h.code AND a.level = 'COMMUNE') AS has_districts
         FROM indicators.hierarchy h`);
    return new HierarchyTimeline(rows.map((row) => ({ code: row.code, name: row.name, validFrom: row.valid_from, hasDistricts: row.has_districts })));
  }

  get(code: string): HierarchyVersion | undefined {
    return this.versions.find((version) => version.code === code);
  }

  /** The version in force on a day (YYYY-MM-DD). */
  on(day: string): HierarchyVersion {
    let found = this.versions[0];
    for (const version of this.versions) if (version.validFrom === null || version.validFrom <= day) found = version;
    if (!found) throw new Error("no hierarchy version is defined");
    return found;
  }

  /** The version a period's data belong to: the one in force on its last day. */
  forPeriod(period: string): HierarchyVersion {
    const parsed = parsePeriod(period);
    if (!parsed) throw new BadUserInputError(`period "${period}" is not a valid period`, { field: "period" });
    return this.on(periodEndDate(parsed));
  }

  /** The version in force today (the default for questions that carry no date). */
  current(today: Date = new Date()): HierarchyVersion {
    return this.on(today.toISOString().slice(0, 10));
  }

  /** The named version, or a BAD_USER_INPUT error listing the known ones. */
  require(code: string, field = "hierarchy"): HierarchyVersion {
    const version = this.get(code);
    if (!version) {
      throw new BadUserInputError(`unknown hierarchy version "${code}"; known: ${this.versions.map((v) => v.code).join(", ")}`, { field });
    }
    return version;
  }
}

/** "in force from 2025-07-01", "in force until 2025-06-30", ... for error messages. */
export function describeValidity(version: HierarchyVersion): string {
  if (version.validFrom && version.validTo) return `in force ${version.validFrom} to ${version.validTo}`;
  if (version.validFrom) return `in force from ${version.validFrom}`;
  if (version.validTo) return `in force until ${version.validTo}`;
  return "in force for every period";
}
