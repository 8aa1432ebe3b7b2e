// Rules of the read path for targets: which targets a list holds, and how each stands. Progress is
// statistics, so it is given only for areas in the caller's scope (the indicators subgraph applies
// the same rule to Target.actual).
import { type AreaLevelName, type AreaScope, BadUserInputError, type Database, ForbiddenError, AreaHierarchy } from "@vnge/shared";
import { type Progress, ProgressStatus, assessProgress, valueForSex } from "./progress";
import { type TargetStore, toTarget } from "./target.store";
import type { ActualValue, Target } from "./target.type";
import { isYear } from "./target.validation";

/** Targets a dashboard lists beneath one area at most. */
export const MAX_TARGETS_BENEATH = 5_000;

export class TargetService {
  constructor(
    private readonly db: Database,
    private readonly store: TargetStore,
    private readonly scope: AreaScope,
  ) {}

  /** The targets of plans at `areaCode` due at `period` or running through it (all of them without a period). */
  async atArea(areaCode: string, period: string | undefined): Promise<Target[]> {
    if (period !== undefined && !isYear(period)) throw new BadUserInputError(`period "${period}" must be a year such as "2025"`, { field: "period" });
    const records = await this.store.findAtAreas([areaCode], period === undefined ? undefined : Number(period));
    return records.map((record) => toTarget(record, period ?? record.period));
  }

  /** Every target of plans issued at or beneath `parentCode` (at `level` only, when given), assessed at `period`. */
  async beneath(parentCode: string, level: AreaLevelName | undefined, period: string): Promise<Target[]> {
    if (!isYear(period)) throw new BadUserInputError(`period "${period}" must be a year such as "2025"`, { field: "period" });
    // Areas are read in the version the year's data belong to: an abolished district keeps its targets.
    const hierarchy = new AreaHierarchy(this.db);
    const version = await hierarchy.versionForPeriod(period);
    await this.scope.assertContains([parentCode], "see target progress", version);
    const areas = await hierarchy.areasWithin(parentCode, level, version);
    if (areas === null) throw new BadUserInputError(`unknown area "${parentCode}" in hierarchy ${version}`, { field: "parentCode" });
    const records = await this.store.findAtAreas(
      areas.map((area) => area.code),
      Number(period),
    );
    if (records.length > MAX_TARGETS_BENEATH) {
      throw new BadUserInputError(`${records.length} targets beneath ${parentCode}; at most ${MAX_TARGETS_BENEATH} (ask for a level or a smaller area)`);
    }
    return records.map((record) => toTarget(record, period));
  }

  async progress(target: Target): Promise<Progress> {
    if (!(await this.scope.contains(target.areaCode))) {
      throw new ForbiddenError(`You may not see target progress for area ${target.areaCode}: outside your assigned areas`, { areaCodes: [target.areaCode] });
    }
    return this.assess(target, target.actual);
  }

  assess(target: Target, actual: Pick<ActualValue, "total" | "male" | "female"> | null): Progress {
    return assessProgress(
      {
        comparison: target.comparison,
        targetValue: target.targetValue,
        year: Number(target.period),
        baselineValue: target.baselineValue,
        baselineYear: target.baselinePeriod ? Number(target.baselinePeriod) : null,
      },
      valueForSex(actual, target.sex),
      Number(target.assessedPeriod),
    );
  }

  /**
   * The candidates at risk or off track, given the actual values the gateway fetched for them (in the
   * candidates' order). The candidates are read again here, so the two lists must still line up.
   */
  async offTrack(parentCode: string, level: AreaLevelName | undefined, period: string, actuals: readonly (ActualValue | null)[]): Promise<Target[]> {
    const candidates = await this.beneath(parentCode, level, period);
    const lined = candidates.length === actuals.length && actuals.every((actual) => actual === null || actual.period === period);
    if (!lined) throw new BadUserInputError("the targets changed while the request ran; send it again");
    return candidates
      .map((target, i) => ({ ...target, actual: actuals[i] }))
      .filter((target) => {
        const status = this.assess(target, target.actual).status;
        return status === ProgressStatus.AT_RISK || status === ProgressStatus.OFF_TRACK;
      });
  }
}
