// Rules of the write path: size cap, all-or-nothing validation, dry runs, and the value history.
import { type AreaScope, BadUserInputError, type DataValueSex, type Sex, periodProblem } from "@vnge/shared";
import type { AreaStore } from "../area/area.store";
import type { ValueLock } from "../data-approval/value-lock";
import type { DataElementStore } from "../data-element/data-element.store";
import type { DataValueChangeRow, DataValueStore } from "./data-value.store";
import { type ElementRule, MAX_BATCH_SIZE, type SubmittedValue, classifyAgainstStored, validateDataValues } from "./data-value.validation";

export interface SubmitResult {
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  conflicts: { index: number; field: string | null; message: string }[];
}

export class DataValueService {
  constructor(
    private readonly store: DataValueStore,
    private readonly dataElementStore: DataElementStore,
    private readonly areaStore: AreaStore,
    /** The caller's areas: a batch touching any area outside it is refused whole. */
    private readonly scope: AreaScope,
    /** Approved data sets lock their values: rows that would change them refuse the batch. */
    private readonly lock?: ValueLock,
  ) {}

  /** `submittedBy` is the verified subject every stored change is recorded under. */
  async submit(values: readonly SubmittedValue[], options: { dryRun?: boolean; submittedBy: string }): Promise<SubmitResult> {
    if (values.length > MAX_BATCH_SIZE) {
      throw new BadUserInputError(`a batch holds at most ${MAX_BATCH_SIZE} values, got ${values.length}; split it into several batches`, { field: "values" });
    }
    const elementCodes = [...new Set(values.map((v) => v.dataElementCode))];
    const areaCodes = [...new Set(values.map((v) => v.areaCode))];
    const [elementRows, areaLevels] = await Promise.all([this.dataElementStore.findByCodes(elementCodes), this.areaStore.findLevels(areaCodes)]);
    const elements = new Map<string, ElementRule>(elementRows.map((e) => [e.code, e]));
    const { valid, conflicts, rejected } = validateDataValues(values, elements, areaLevels);
    if (conflicts.length > 0) return { imported: 0, updated: 0, unchanged: 0, rejected, conflicts };
    await this.scope.assertContains(areaCodes, "submit values");
    const locked = (await this.lock?.conflicts(valid)) ?? [];
    if (locked.length > 0) return { imported: 0, updated: 0, unchanged: 0, rejected: locked.length, conflicts: locked };
    if (options.dryRun) {
      return { ...classifyAgainstStored(valid, await this.store.findStored(valid)), rejected: 0, conflicts: [] };
    }
    const written = await this.store.upsert(valid, options.submittedBy);
    return { ...written, unchanged: valid.length - written.imported - written.updated, rejected: 0, conflicts: [] };
  }

  async history(dataElementCode: string, areaCode: string, period: string, sex: Sex | null): Promise<DataValueChangeRow[]> {
    const problem = periodProblem(period);
    if (problem) throw new BadUserInputError(problem, { field: "period" });
    await this.scope.assertContains([areaCode], "read the history of values");
    const storedSex: DataValueSex = sex ?? "NONE";
    return this.store.history({ dataElementCode, areaCode, period, sex: storedSex });
  }
}
