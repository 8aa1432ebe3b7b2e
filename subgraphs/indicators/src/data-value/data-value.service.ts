// Rules of the write path: size cap, all-or-nothing validation, dry runs, and the value history.
import type { ReportingAgencyService } from "../reporting-agency/reporting-agency.service";
import {
  type AreaLevel,
  AreaScope,
  BadUserInputError,
  type DataElementRecord,
  type DataValueSex,
  type AreaDirectory,
  NATION_CODE,
  type RowConflict,
  type Sex,
  checkPage,
  describeValidity,
  periodProblem,
  serviceMetrics,
} from "@vnge/shared";
import { AreaStore } from "../area/area.store";
import { ValueLock } from "../data-approval/value-lock.store";
import { DataElementStore } from "../data-element/data-element.store";
import { type DataValueChangeRow, DataValueStore, type ElementPeriod } from "./data-value.store";
import { type AreaPlace, type ElementRule, MAX_BATCH_SIZE, type SubmittedValue, classifyAgainstStored, validateDataValues } from "./data-value.validation";

/** Values submitted (through GraphQL, a file or DHIS2), by how they ended: imported, updated, unchanged or rejected. */
const submittedValues = serviceMetrics("indicators").counter("data_values_submitted_total", "Data values submitted, by result and whether it was a dry run", [
  "result",
  "dry_run",
]);

function countSubmitted(result: SubmitResult, dryRun: boolean): void {
  const dry_run = String(dryRun);
  for (const outcome of ["imported", "updated", "unchanged", "rejected"] as const) {
    if (result[outcome] > 0) submittedValues.inc({ result: outcome, dry_run }, result[outcome]);
  }
}

export interface SubmitOptions {
  dryRun?: boolean;
  /** The verified subject every stored change is recorded under. */
  submittedBy: string;
  /** How a message names another row (default: "row <index>"); a file names its lines. */
  rowName?: (index: number) => string;
  /**
   * The rows come from a file (a spreadsheet, often): rows outside the caller's areas are refused one by one,
   * like every other bad row, instead of the batch with FORBIDDEN; an area code that lost its leading zeros is hinted at.
   */
  fromFile?: boolean;
}

export interface SubmitResult {
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  conflicts: RowConflict[];
}

/** The agency a caller works for, and the rule that confines its data entry. */
export interface AgencyConfinement {
  code: string;
  service: Pick<ReportingAgencyService, "confine">;
}

export class DataValueService {
  constructor(
    private readonly store: DataValueStore,
    private readonly dataElementStore: DataElementStore,
    private readonly areaStore: AreaStore,
    /** The caller's areas: a batch touching any area outside it is refused whole. */
    private readonly scope: AreaScope,
    /** The request's areas: a period's values are stored against the areas of the version in force at its end. */
    private readonly areas: AreaDirectory,
    /** Approved data sets lock their values: rows that would change them refuse the batch. */
    private readonly lock: ValueLock | undefined,
    /** A caller working for an agency enters only what the agency reports (decision 0106). */
    private readonly agency?: AgencyConfinement,
  ) {}

  /** The areas at or beneath an owner: a local element's values are accepted only there (decision 0084). */
  private ownerScope(owner: string): AreaScope {
    return new AreaScope(this.areas, [owner]);
  }

  /** Rows naming a retired element, or a local element at an area outside its owner. */
  private async confinementConflicts(
    values: readonly SubmittedValue[],
    elements: ReadonlyMap<string, DataElementRecord>,
    areaFor: (areaCode: string, period: string) => AreaPlace,
  ): Promise<RowConflict[]> {
    const conflicts: RowConflict[] = [];
    const local = new Map<string, { owner: string; hierarchy: string; rows: { index: number; areaCode: string; element: string }[] }>();
    values.forEach((row, index) => {
      const element = elements.get(row.dataElementCode);
      if (!element) return;
      if (element.retiredAt) conflicts.push({ index, field: "dataElementCode", message: `data element ${element.code} is retired: it accepts no new values` });
      if (element.owner === NATION_CODE || periodProblem(row.period) !== null) return;
      const place = areaFor(row.areaCode, row.period);
      if (!("hierarchy" in place)) return;
      const key = `${element.owner}|${place.hierarchy}`;
      const group = local.get(key) ?? { owner: element.owner, hierarchy: place.hierarchy, rows: [] };
      group.rows.push({ index, areaCode: row.areaCode, element: element.code });
      local.set(key, group);
    });
    for (const { owner, hierarchy, rows } of local.values()) {
      const outside = new Set(
        await this.ownerScope(owner).outside(
          rows.map((r) => r.areaCode),
          hierarchy,
        ),
      );
      for (const row of rows) {
        if (outside.has(row.areaCode)) {
          conflicts.push({
            index: row.index,
            field: "areaCode",
            message: `${row.element} is a local data element of area ${owner}: values are accepted only at or beneath ${owner}, not at ${row.areaCode}`,
          });
        }
      }
    }
    return conflicts;
  }

  /**
   * Where each submitted area sits in the version its period belongs to: one statement per version
   * the batch touches, and one more per other version only to explain codes that are not there.
   */
  private async areaPlaces(values: readonly SubmittedValue[]): Promise<(areaCode: string, period: string) => AreaPlace> {
    const timeline = await this.areas.timeline();
    const periods = [...new Set(values.map((v) => v.period))].filter((period) => periodProblem(period) === null);
    const versionOf = new Map(periods.map((period) => [period, timeline.forPeriod(period)]));
    const codesByVersion = new Map<string, Set<string>>();
    for (const v of values) {
      const version = versionOf.get(v.period);
      if (version) codesByVersion.set(version.code, (codesByVersion.get(version.code) ?? new Set()).add(v.areaCode));
    }
    const levels = new Map<string, Map<string, AreaLevel>>();
    await Promise.all([...codesByVersion].map(async ([version, codes]) => levels.set(version, await this.areaStore.findLevels([...codes], version))));
    const missing = [...codesByVersion].flatMap(([version, codes]) => [...codes].filter((code) => !levels.get(version)!.has(code)));
    const elsewhere = new Map<string, string[]>();
    if (missing.length > 0) {
      for (const other of timeline.versions) {
        const found = await this.areaStore.findLevels(missing, other.code);
        for (const code of found.keys()) elsewhere.set(code, [...(elsewhere.get(code) ?? []), other.code]);
      }
    }
    return (areaCode, period) => {
      const version = versionOf.get(period)!;
      const level = levels.get(version.code)?.get(areaCode);
      if (level) return { hierarchy: version.code, level, hasDistricts: version.hasDistricts };
      const others = (elsewhere.get(areaCode) ?? []).filter((code) => code !== version.code);
      const where = `hierarchy ${version.code} (${describeValidity(version)}), which period ${period} is reported on`;
      if (others.length === 0) return { problem: `unknown area "${areaCode}" in ${where}` };
      const described = others.map((code) => `${code} (${describeValidity(timeline.get(code)!)})`).join(", ");
      return { problem: `area "${areaCode}" does not exist in ${where}; it is an area of hierarchy ${described}` };
    };
  }

  /**
   * Runs `work` with this service joined to one transaction that first locks every (element, period) of
   * `pairs` (a file's write pass): every batch `work` submits through the service it is given commits together,
   * or none does. Every read of the joined service runs in the transaction too (on PGlite it must).
   */
  async inOneTransaction<T>(pairs: Iterable<ElementPeriod>, work: (service: DataValueService) => Promise<T>, options?: { timeoutMs?: number }): Promise<T> {
    await this.areas.timeline(); // read before, so the joined service reuses it
    return this.store.inOneTransaction(
      pairs,
      (db) => {
        const areas = this.areas.through(db);
        return work(
          new DataValueService(
            new DataValueStore(db),
            new DataElementStore(db),
            new AreaStore(db),
            new AreaScope(areas, this.scope.assigned),
            areas,
            this.lock && new ValueLock(db),
            this.agency,
          ),
        );
      },
      options,
    );
  }

  /** Rows whose area is outside the caller's areas, each refused on its own (a file's import reports them by line). */
  private async scopeConflicts(values: readonly SubmittedValue[], areaFor: (areaCode: string, period: string) => AreaPlace): Promise<RowConflict[]> {
    const byVersion = new Map<string, { index: number; areaCode: string }[]>();
    values.forEach((row, index) => {
      if (periodProblem(row.period) !== null) return;
      const place = areaFor(row.areaCode, row.period);
      if (!("hierarchy" in place)) return;
      byVersion.set(place.hierarchy, [...(byVersion.get(place.hierarchy) ?? []), { index, areaCode: row.areaCode }]);
    });
    const conflicts: RowConflict[] = [];
    const assigned = this.scope.assigned.join(", ");
    for (const [version, rows] of byVersion) {
      const outside = new Set(
        await this.scope.outside(
          rows.map((r) => r.areaCode),
          version,
        ),
      );
      for (const row of rows) {
        if (outside.has(row.areaCode))
          conflicts.push({
            index: row.index,
            field: "areaCode",
            message: `area ${row.areaCode} is outside your areas (${assigned}): you may not submit values for it`,
          });
      }
    }
    return conflicts;
  }

  /**
   * Spreadsheets read codes as numbers and drop their leading zeros (00703 becomes 703): an area refused
   * whose code, given its zeros back, names an area of the row's version says so.
   */
  private async withLeadingZeroHints(values: readonly SubmittedValue[], conflicts: RowConflict[]): Promise<RowConflict[]> {
    const suspects = conflicts.filter((c) => c.field === "areaCode" && /^\d{1,4}$/.test(values[c.index].areaCode));
    if (suspects.length === 0) return conflicts;
    const timeline = await this.areas.timeline();
    const hints = new Map<number, string>();
    for (const conflict of suspects) {
      const row = values[conflict.index];
      if (periodProblem(row.period) !== null) continue;
      const candidates = [2, 3, 5].filter((length) => length > row.areaCode.length).map((length) => row.areaCode.padStart(length, "0"));
      const found = await this.areaStore.findByCodes(candidates, timeline.forPeriod(row.period).code);
      if (found.length === 0) continue;
      const named = found.map((area) => `${area.code} is ${area.level.toLowerCase()} ${area.name}`).join(", ");
      hints.set(conflict.index, `; did Excel drop leading zeros? ${named}`);
    }
    return conflicts.map((c) => (c.field === "areaCode" && hints.has(c.index) ? { ...c, message: `${c.message}${hints.get(c.index)}` } : c));
  }

  async submit(values: readonly SubmittedValue[], options: SubmitOptions): Promise<SubmitResult> {
    const result = await this.checkAndWrite(values, options);
    countSubmitted(result, options.dryRun === true);
    return result;
  }

  private async checkAndWrite(values: readonly SubmittedValue[], options: SubmitOptions): Promise<SubmitResult> {
    if (values.length > MAX_BATCH_SIZE) {
      throw new BadUserInputError(`a batch holds at most ${MAX_BATCH_SIZE} values, got ${values.length}; split it into several batches`, { field: "values" });
    }
    const elementCodes = [...new Set(values.map((v) => v.dataElementCode))];
    const [elementRows, areaFor] = await Promise.all([this.dataElementStore.findByCodes(elementCodes), this.areaPlaces(values)]);
    const elements = new Map<string, ElementRule>(elementRows.map((e) => [e.code, e]));
    const validated = validateDataValues(values, elements, areaFor, options.rowName);
    const confined = await this.confinementConflicts(values, new Map(elementRows.map((e) => [e.code, e])), areaFor);
    const outOfScope = options.fromFile ? await this.scopeConflicts(values, areaFor) : [];
    const { valid } = validated;
    if (validated.conflicts.length > 0 || confined.length > 0 || outOfScope.length > 0) {
      const found = [...validated.conflicts, ...confined, ...outOfScope].sort((a, b) => a.index - b.index);
      const conflicts = options.fromFile ? await this.withLeadingZeroHints(values, found) : found;
      return { imported: 0, updated: 0, unchanged: 0, rejected: new Set(conflicts.map((c) => c.index)).size, conflicts };
    }
    for (const version of new Set(valid.map((v) => v.hierarchy))) {
      await this.scope.assertContains([...new Set(valid.filter((v) => v.hierarchy === version).map((v) => v.areaCode))], "submit values", version);
    }
    if (this.agency) await this.agency.service.confine(this.agency.code, valid);
    const locked = (await this.lock?.conflicts(valid)) ?? [];
    if (locked.length > 0) return { imported: 0, updated: 0, unchanged: 0, rejected: locked.length, conflicts: locked };
    if (options.dryRun) {
      return { ...classifyAgainstStored(valid, await this.store.findStored(valid)), rejected: 0, conflicts: [] };
    }
    const written = await this.store.upsert(valid, options.submittedBy);
    return { ...written, unchanged: valid.length - written.imported - written.updated, rejected: 0, conflicts: [] };
  }

  /** `period` is a period id (checked at the boundary, data-value.args.ts). */
  /** A value's history is appended to, never rewritten: a change's place in it is a stable cursor. */
  async history(
    dataElementCode: string,
    areaCode: string,
    period: string,
    sex: Sex | null,
    page: { first?: number | null; after?: number | null } = {},
  ): Promise<(DataValueChangeRow & { sequence: number })[]> {
    checkPage({ first: page.first });
    if (page.after !== undefined && page.after !== null && !(Number.isInteger(page.after) && page.after >= 0))
      throw new BadUserInputError(`after must be the sequence of a change (0 or more), got ${page.after}`, { field: "after" });
    await this.scope.assertContains([areaCode], "read the history of values", (await this.areas.timeline()).forPeriod(period).code);
    const storedSex: DataValueSex = sex ?? "NONE";
    const changes = (await this.store.history({ dataElementCode, areaCode, period, sex: storedSex })).map((change, i) => ({ ...change, sequence: i + 1 }));
    const rest = changes.slice(page.after ?? 0);
    return page.first ? rest.slice(0, page.first) : rest;
  }
}
