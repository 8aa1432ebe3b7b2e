// Completeness and timeliness: which areas beneath a parent have reported a data set for a period,
// and whether by their level's deadline (docs/decisions/0052-reporting-deadlines.md).
import {
  type AreaLevel,
  type AreaScope,
  BadUserInputError,
  type AreaDirectory,
  type HierarchyVersion,
  NATION_CODE,
  NotFoundError,
  parsePeriod,
} from "@vnge/shared";
import type { AreaStore } from "../area/area.store";
import { ApprovalState, LOCKING_STATES } from "../data-approval/data-approval.enums";
import { type DataApprovalService, dataSetIn } from "../data-approval/data-approval.service";
import type { DataApprovalStore, DataSetRow } from "../data-approval/data-approval.store";
import { levelRank } from "../data-set/data-set.seed";
import { type AreaReport, type ReportingStatus, Timeliness } from "./reporting-status.type";

/** Vietnam keeps UTC+7 all year: a deadline day ends at 17:00 UTC. */
const VIETNAM_OFFSET_HOURS = 7;

export function deadlineInstant(periodYear: number, rule: { month: number; day: number; yearOffset: number }): Date {
  return new Date(Date.UTC(periodYear + rule.yearOffset, rule.month - 1, rule.day, 24 - VIETNAM_OFFSET_HOURS));
}

export class ReportingStatusService {
  /**
   * The level's deadline. Where a district set is reported by communes (no districts), the communes report
   * by the districts' day unless the set names a day for communes.
   */
  private async deadlineRule(set: DataSetRow, level: AreaLevel, version: HierarchyVersion) {
    const own = await this.store.findDeadline(set.code, level);
    if (own || version.hasDistricts !== false || level !== set.collectionLevel || level !== "COMMUNE") return own;
    return this.store.findDeadline(set.code, "DISTRICT");
  }

  constructor(
    private readonly store: DataApprovalStore,
    private readonly approvals: DataApprovalService,
    private readonly areaStore: AreaStore,
    private readonly scope: AreaScope,
    private readonly areas: AreaDirectory,
  ) {}

  /**
   * Sets a province's own day for a data set and level (null month removes it), for its areas of one version:
   * ADMIN within the province.
   */
  async setProvinceDeadline(
    input: {
      dataSetCode: string;
      level: AreaLevel;
      provinceCode: string;
      hierarchy?: string | null;
      rule: { month: number; day: number; yearOffset: number } | null;
    },
    setBy: string,
  ): Promise<void> {
    const timeline = await this.areas.timeline();
    const version = input.hierarchy ? timeline.require(input.hierarchy) : timeline.current();
    const set = dataSetIn(await this.approvals.dataSet(input.dataSetCode), version);
    const [province] = await this.areaStore.findByCodes([input.provinceCode], version.code);
    if (province?.level !== "PROVINCE")
      throw new BadUserInputError(`"${input.provinceCode}" is not a province of hierarchy ${version.code}`, { field: "provinceCode" });
    if (input.level === "NATION" || levelRank(input.level) > levelRank(set.collectionLevel))
      throw new BadUserInputError(`${set.code} is not reported at the ${input.level.toLowerCase()} level in hierarchy ${version.code}`, { field: "level" });
    if (input.rule) {
      const { month, day, yearOffset } = input.rule;
      const probe = new Date(Date.UTC(2024, month - 1, day));
      if (!(month >= 1 && month <= 12) || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day)
        throw new BadUserInputError(`${day}/${month} is not a day of the year`, { field: "day" });
      if (!(yearOffset >= 0 && yearOffset <= 1))
        throw new BadUserInputError("yearOffset must be 0 (the period's year) or 1 (the next year)", { field: "yearOffset" });
    }
    await this.scope.assertContains([province.code], "set deadlines", version.code);
    await this.store.saveDeadlineOverride(
      { dataSetCode: set.code, level: input.level, hierarchy: version.code, provinceCode: province.code },
      input.rule,
      setBy,
    );
  }

  /** `period` is a period id and `asOf` a moment (both checked at the boundary, reporting-status.args.ts). */
  async status(dataSetCode: string, period: string, parentCode: string, level: AreaLevel, asOf: Date = new Date()): Promise<ReportingStatus> {
    // The areas expected to report are those of the version the period's data belong to, at the set's level
    // there (a district set is reported by communes or provinces where there are no districts: decision 0098).
    const version = (await this.areas.timeline()).forPeriod(period);
    const set = dataSetIn(await this.approvals.dataSet(dataSetCode), version);
    const hierarchy = version.code;
    const [parent] = await this.areaStore.findByCodes([parentCode], hierarchy);
    if (!parent)
      throw new NotFoundError(`unknown area "${parentCode}" in hierarchy ${hierarchy}, which period ${period} is reported on`, { field: "parentCode" });
    if (levelRank(level) <= levelRank(parent.level))
      throw new BadUserInputError(`level ${level} is not beneath ${parent.level.toLowerCase()} ${parentCode}`, { field: "level" });
    if (levelRank(level) > levelRank(set.collectionLevel)) {
      throw new BadUserInputError(
        `${set.code} is reported by each ${set.collectionLevel.toLowerCase()}: nothing is expected from the ${level.toLowerCase()} level`,
        { field: "level" },
      );
    }
    await this.scope.assertContains([parentCode], "read reporting status", hierarchy);

    const areas = await this.areaStore.findByLevel(level, parentCode === NATION_CODE ? undefined : parentCode, hierarchy);
    const [states, rule, overrides] = await Promise.all([
      this.store.findStates(
        dataSetCode,
        period,
        areas.map((a) => a.code),
      ),
      this.deadlineRule(set, level, version),
      this.store.findDeadlineOverrides(set.code, level, hierarchy),
    ]);
    const year = parsePeriod(period)!.year;
    const national = rule ? deadlineInstant(year, rule) : null;
    // A province's own day replaces the national one for its areas (decision 0109).
    const provinceOf = (area: { code: string; level: AreaLevel; provinceCode: string | null }) => (area.level === "PROVINCE" ? area.code : area.provinceCode);
    const deadlineOf = (area: { code: string; level: AreaLevel; provinceCode: string | null }) => {
      const own = overrides.get(provinceOf(area) ?? "");
      return own ? deadlineInstant(year, own) : national;
    };
    const parentProvince = parent.level === "PROVINCE" ? parent.code : parent.provinceCode;
    const parentOverride = parentProvince ? overrides.get(parentProvince) : undefined;
    const deadline = parentOverride ? deadlineInstant(year, parentOverride) : national;
    const reportingLevel = level === set.collectionLevel;

    const reports: AreaReport[] = areas.map((area) => {
      const deadline = deadlineOf(area);
      const row = states.get(area.code);
      const state = row?.state ?? ApprovalState.OPEN;
      const received = reportingLevel ? state !== ApprovalState.OPEN : LOCKING_STATES.includes(state);
      const reportedAt = received ? (row?.reportedAt ?? null) : null;
      let timeliness: Timeliness;
      if (received) timeliness = deadline && reportedAt && reportedAt > deadline ? Timeliness.LATE : Timeliness.ON_TIME;
      else timeliness = deadline && asOf > deadline ? Timeliness.MISSING : Timeliness.PENDING;
      return {
        areaCode: area.code,
        areaName: area.name,
        approvalState: state,
        received,
        reportedAt: reportedAt?.toISOString() ?? null,
        reportedBy: received ? (row?.changedBy ?? null) : null,
        deadline: deadline?.toISOString() ?? null,
        timeliness,
      };
    });
    const count = (t: Timeliness) => reports.filter((r) => r.timeliness === t).length;
    return {
      dataSetCode,
      period,
      parentCode,
      level,
      deadline: deadline?.toISOString() ?? null,
      asOf: asOf.toISOString(),
      expected: reports.length,
      received: reports.filter((r) => r.received).length,
      onTime: count(Timeliness.ON_TIME),
      late: count(Timeliness.LATE),
      missing: count(Timeliness.MISSING),
      areas: reports,
    };
  }
}
