// Rules of the read path for targets: which targets a list holds, and how each stands. Progress is
// statistics, so it is given only for areas in the caller's scope (the indicators subgraph applies
// the same rule to Target.actual).
import { type AreaDirectory, type AreaLevelName, type AreaScope, BadUserInputError, ForbiddenError } from "@vnge/shared";
import { type AcrossReform, type Progress, ProgressStatus, type ReformMapping, acrossReform, assessProgress, valueForSex } from "./progress";
import { type TargetStore, toTarget } from "./target.store";
import type { ActualValue, Target } from "./target.type";
import { isYear } from "./target.validation";

/** The version of a target's area and that of its assessed year. */
export interface TargetVersions {
  area: string;
  assessed: string;
}

/** Progress as the API gives it: the status, and how the target was judged across a reform. */
export interface TargetJudgement extends Progress {
  approximate: boolean;
  acrossReform: AcrossReform | null;
}

/** Targets a dashboard lists beneath one area at most. */
export const MAX_TARGETS_BENEATH = 5_000;

export class TargetService {
  constructor(
    /** The request's areas. */
    private readonly areas: AreaDirectory,
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
    const { hierarchy } = this.areas;
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

  /**
   * The version of a target's area (its plan's first year's: targets keep their plan's codes) and of its assessed
   * year. `planStartYear` reads the plan (a loader in requests).
   */
  async versionsOf(target: Target, planStartYear: (planId: string) => Promise<number | null>): Promise<TargetVersions> {
    const { hierarchy } = this.areas;
    const start = await planStartYear(target.planId);
    const [area, assessed] = await Promise.all([hierarchy.versionForPeriod(String(start ?? target.period)), hierarchy.versionForPeriod(target.assessedPeriod)]);
    return { area, assessed };
  }

  /** What the mapping says became of the target's area, when its assessed year is of a later version (decision 0099). */
  async crossing(target: Target, versions: TargetVersions): Promise<ReformMapping | null> {
    if (versions.area === versions.assessed) return null;
    const mapping = await this.areas.succession.mappingFrom(target.areaCode, versions.area, versions.assessed);
    return { fromHierarchy: versions.area, toHierarchy: versions.assessed, mapping };
  }

  async progress(target: Target, versions: TargetVersions): Promise<TargetJudgement> {
    if (!(await this.scope.contains(target.areaCode, versions.area))) {
      throw new ForbiddenError(`You may not see target progress for area ${target.areaCode}: outside your assigned areas`, { areaCodes: [target.areaCode] });
    }
    return this.assess(target, target.actual, await this.crossing(target, versions));
  }

  /**
   * The status of a target from its actual value. Across a reform the value is the area's own, carried back, and
   * the judgement says so; where no sound mapping exists there is no status (NOT_COMPARABLE, decision 0099).
   */
  assess(
    target: Target,
    actual: Pick<ActualValue, "total" | "male" | "female" | "approximate"> | null,
    crossing: ReformMapping | null = null,
  ): TargetJudgement {
    const progress = this.assessValue(target, actual);
    const approximate = actual?.approximate ?? false;
    if (!crossing) return { ...progress, approximate, acrossReform: null };
    const across = acrossReform(crossing, approximate);
    if (!across.comparable && progress.status !== ProgressStatus.NO_DATA) {
      return {
        status: ProgressStatus.NOT_COMPARABLE,
        value: null,
        expected: progress.expected,
        gap: null,
        gapToExpected: null,
        approximate,
        acrossReform: across,
      };
    }
    return { ...progress, approximate, acrossReform: across };
  }

  private assessValue(target: Target, actual: Pick<ActualValue, "total" | "male" | "female"> | null): Progress {
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
  async offTrack(
    parentCode: string,
    level: AreaLevelName | undefined,
    period: string,
    actuals: readonly (ActualValue | null)[],
    planStartYear: (planId: string) => Promise<number | null>,
  ): Promise<Target[]> {
    const candidates = await this.beneath(parentCode, level, period);
    const lined = candidates.length === actuals.length && actuals.every((actual) => actual === null || actual.period === period);
    if (!lined) throw new BadUserInputError("the targets changed while the request ran; send it again");
    const judged = await Promise.all(
      candidates.map(async (candidate, i) => {
        const target = { ...candidate, actual: actuals[i] };
        const status = this.assess(target, target.actual, await this.crossing(target, await this.versionsOf(target, planStartYear))).status;
        return { target, status };
      }),
    );
    return judged.filter(({ status }) => status === ProgressStatus.AT_RISK || status === ProgressStatus.OFF_TRACK).map(({ target }) => target);
  }
}
