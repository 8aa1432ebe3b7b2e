// Rules of the approval workflow: who may move a data set for an area and period, and when.
// OPEN -> SUBMITTED (the reporting area) -> APPROVED (each district, then province, once all its
// children have) -> ACCEPTED (the nation); RETURN reopens one area, top-down
// (docs/decisions/0051-approval-and-locking.md). In a version without districts the communes approve
// into the province, and a district set is reported at its rule's level there (decision 0098).
import {
  type AreaLevel,
  type AreaRecord,
  type AreaScope,
  BadUserInputError,
  collectionLevelIn,
  type AreaDirectory,
  type HierarchyVersion,
  NATION_CODE,
  NotFoundError,
} from "@vnge/shared";
import type { AreaStore } from "../area/area.store";
import { levelRank } from "../data-set/data-set.seed";
import { ApprovalAction, ApprovalState, LOCKING_STATES } from "./data-approval.enums";
import type { ApprovalRow, DataApprovalStore, DataSetRow } from "./data-approval.store";
import type { DataApprovalStatus, DataSet } from "./data-approval.type";
import type { ValidationService } from "../validation/validation.service";
import type { ValidationReport } from "../validation/validation.type";
import type { ValueLock } from "./value-lock.store";

const stateOf = (states: Map<string, ApprovalRow>, code: string): ApprovalState => states.get(code)?.state ?? ApprovalState.OPEN;
const levelName = (level: AreaLevel) => level.toLowerCase();

/** A data set with the level it is reported at in a version (a district set in a version without districts). */
export function dataSetIn(set: DataSetRow, version: HierarchyVersion): DataSetRow {
  const level = collectionLevelIn(set.collectionLevel, set.collectionLevelWithoutDistricts, version);
  return level === set.collectionLevel ? set : { ...set, collectionLevel: level };
}

export class DataApprovalService {
  constructor(
    private readonly store: DataApprovalStore,
    private readonly areaStore: AreaStore,
    private readonly lock: ValueLock,
    private readonly scope: AreaScope,
    private readonly validation: ValidationService,
    /** Approvals are of the areas of the version the period's data belong to. */
    private readonly areas: AreaDirectory,
  ) {}

  private async versionOf(period: string): Promise<string> {
    return (await this.areas.timeline()).forPeriod(period).code;
  }

  dataSets(): Promise<DataSet[]> {
    return this.store.findDataSets();
  }

  async dataSet(code: string): Promise<DataSetRow> {
    const [found] = await this.store.findDataSets([code]);
    if (!found) throw new NotFoundError(`unknown data set "${code}"`, { field: "dataSetCode" });
    return found;
  }

  /** The data set as reported on the version a period's data belong to: its level there (decision 0098). */
  async dataSetFor(code: string, period: string): Promise<{ set: DataSetRow; version: HierarchyVersion }> {
    const [set, timeline] = await Promise.all([this.dataSet(code), this.areas.timeline()]);
    const version = timeline.forPeriod(period);
    return { set: dataSetIn(set, version), version };
  }

  /** `period` is a period id (checked at the boundary, data-approval.args.ts), as is every period given here. */
  private async target(dataSetCode: string, areaCode: string, period: string, action: string): Promise<{ set: DataSetRow; area: AreaRecord }> {
    const { set, version } = await this.dataSetFor(dataSetCode, period);
    const hierarchy = version.code;
    const [area] = await this.areaStore.findByCodes([areaCode], hierarchy);
    if (!area) throw new NotFoundError(`unknown area "${areaCode}" in hierarchy ${hierarchy}, which period ${period} is reported on`, { field: "areaCode" });
    await this.scope.assertContains([areaCode], action, hierarchy);
    return { set, area };
  }

  /** The validation rules of a data set over an area (and the reporting areas beneath it) for a period. */
  async validate(dataSetCode: string, areaCode: string, period: string): Promise<ValidationReport> {
    return this.validation.validate((await this.dataSetFor(dataSetCode, period)).set, areaCode, period);
  }

  /** The reporting area hands its data in: OPEN -> SUBMITTED, refused while a validation rule fails (outliers only warn). */
  async submit(dataSetCode: string, areaCode: string, period: string, actor: string): Promise<DataApprovalStatus> {
    const { set, area } = await this.target(dataSetCode, areaCode, period, "submit data sets");
    // What was submitted before the retirement can still be approved; nothing new is handed in.
    if (set.retiredAt) {
      throw new BadUserInputError(`${set.code} was retired on ${set.retiredAt.toISOString().slice(0, 10)}: it takes no new submissions`, {
        field: "dataSetCode",
      });
    }
    if (area.level !== set.collectionLevel) {
      throw new BadUserInputError(`${set.code} is reported by each ${levelName(set.collectionLevel)}; area ${areaCode} is a ${levelName(area.level)}`, {
        field: "areaCode",
      });
    }
    const report = await this.validation.validate(set, areaCode, period);
    const errors = report.violations.filter((v) => v.severity === "ERROR");
    if (errors.length > 0) {
      throw new BadUserInputError(`cannot submit ${set.code} for area ${areaCode}, period ${period}: ${errors.map((e) => e.message).join("; ")}`, {
        ruleCodes: errors.map((e) => e.ruleCode),
      });
    }
    await this.store.transition(
      { dataSetCode, period, areaCode, action: ApprovalAction.SUBMIT, to: ApprovalState.SUBMITTED, actor, reason: null },
      [],
      (states) => {
        const state = stateOf(states, areaCode);
        if (state !== ApprovalState.OPEN) throw new BadUserInputError(`${set.code} for area ${areaCode}, period ${period} is already ${state}`);
      },
    );
    return this.status(dataSetCode, areaCode, period);
  }

  /**
   * A level above the reporting one approves (the nation accepts) once every child area has: the
   * reporting areas SUBMITTED, the levels between APPROVED.
   */
  async approve(dataSetCode: string, areaCode: string, period: string, actor: string): Promise<DataApprovalStatus> {
    const { set, area } = await this.target(dataSetCode, areaCode, period, "approve data sets");
    if (levelRank(area.level) >= levelRank(set.collectionLevel)) {
      throw new BadUserInputError(
        `${set.code} is reported by each ${levelName(set.collectionLevel)} and approved above it; area ${areaCode} is a ${levelName(area.level)}: submit it instead`,
        { field: "areaCode" },
      );
    }
    const children = (await this.store.findChildren(area)).filter((child) => levelRank(child.level) <= levelRank(set.collectionLevel));
    const accept = area.code === NATION_CODE;
    const to = accept ? ApprovalState.ACCEPTED : ApprovalState.APPROVED;
    await this.store.transition(
      { dataSetCode, period, areaCode, action: accept ? ApprovalAction.ACCEPT : ApprovalAction.APPROVE, to, actor, reason: null },
      children.map((c) => c.code),
      (states) => {
        const state = stateOf(states, areaCode);
        if (state !== ApprovalState.OPEN) throw new BadUserInputError(`${set.code} for area ${areaCode}, period ${period} is already ${state}`);
        const waiting = children.filter((child) => {
          const childState = stateOf(states, child.code);
          return child.level === set.collectionLevel ? childState === ApprovalState.OPEN : !LOCKING_STATES.includes(childState);
        });
        if (waiting.length > 0) {
          const needed = waiting[0].level === set.collectionLevel ? "submitted" : "approved";
          const shown =
            waiting
              .slice(0, 10)
              .map((c) => c.code)
              .join(", ") + (waiting.length > 10 ? ` and ${waiting.length - 10} more` : "");
          throw new BadUserInputError(
            `cannot ${accept ? "accept" : "approve"} ${set.code} for area ${areaCode}, period ${period}: not yet ${needed} by ${waiting.length} of ${children.length} ${levelName(waiting[0].level)}${children.length === 1 ? "" : "s"} (${shown})`,
            { areaCodes: waiting.map((c) => c.code).slice(0, 100) },
          );
        }
      },
    );
    return this.status(dataSetCode, areaCode, period);
  }

  /**
   * Reopens one area for correction, with a reason: its approval (or submission) goes back to OPEN,
   * unlocking the values beneath it unless a lower approval still holds them. Refused while an
   * ancestor has approved: returns go top-down.
   */
  async return(dataSetCode: string, areaCode: string, period: string, reason: string, actor: string): Promise<DataApprovalStatus> {
    const trimmed = reason.trim();
    const { set, area } = await this.target(dataSetCode, areaCode, period, "return data sets");
    const ancestors = [area.districtCode, area.provinceCode, area.code === NATION_CODE ? null : NATION_CODE].filter(
      (c): c is string => c !== null && c !== area.code,
    );
    await this.store.transition(
      { dataSetCode, period, areaCode, action: ApprovalAction.RETURN, to: ApprovalState.OPEN, actor, reason: trimmed },
      ancestors,
      (states) => {
        if (stateOf(states, areaCode) === ApprovalState.OPEN)
          throw new BadUserInputError(`${set.code} for area ${areaCode}, period ${period} is OPEN: nothing to return`);
        const above = ancestors.find((code) => LOCKING_STATES.includes(stateOf(states, code)));
        if (above)
          throw new BadUserInputError(`${set.code} for period ${period} is approved above area ${areaCode}, at ${above}: it must be returned there first`, {
            areaCodes: [above],
          });
      },
    );
    return this.status(dataSetCode, areaCode, period);
  }

  async status(dataSetCode: string, areaCode: string, period: string): Promise<DataApprovalStatus> {
    await this.dataSet(dataSetCode);
    const hierarchy = await this.versionOf(period);
    await this.scope.assertContains([areaCode], "read approvals", hierarchy);
    const [states, events, lockedBy] = await Promise.all([
      this.store.findStates(dataSetCode, period, [areaCode]),
      this.store.events(dataSetCode, period, areaCode),
      this.lock.lockedBy(dataSetCode, period, areaCode, hierarchy),
    ]);
    return {
      dataSetCode,
      areaCode,
      period,
      state: stateOf(states, areaCode),
      lockedBy,
      events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
    };
  }
}
