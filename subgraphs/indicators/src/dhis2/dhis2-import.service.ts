// A DHIS2 data value set through this system's write path: every value translated by the mapping, checked
// against the caller's areas and then by DataValueService (the rules of submitDataValues: elements, levels,
// bounds, locks), and written all or nothing in one transaction, in batches as a value file is
// (docs/decisions/0114-dhis2-import.md). Any conflict: nothing is written, every bad value is listed.
import type { AreaScope, RowConflict, Sex } from "@vnge/shared";
import { FILE_BATCH_SIZE } from "../data-value/data-value.file";
import { readValue } from "../data-value/data-value.file-text";
import type { DataValueService } from "../data-value/data-value.service";
import type { ElementPeriod } from "../data-value/data-value.store";
import { type StoredValue, type SubmittedValue, type ValidValue, valueKey } from "../data-value/data-value.validation";
import type { Dhis2Mapping } from "./dhis2-mapping";
import type { Dhis2DataValue } from "./dhis2-payload";
import { periodFromDhis2 } from "./dhis2-period";
import { type Dhis2Conflict, type Dhis2ErrorCode, type Dhis2ImportSummary, type ImportStrategy, MAX_LISTED_CONFLICTS } from "./dhis2-summary";

export interface Dhis2ImportOptions {
  dryRun: boolean;
  strategy: ImportStrategy;
  /** The verified subject every stored change is recorded under (DHIS2's storedBy is not trusted). */
  submittedBy: string;
}

export interface Dhis2ImportDependencies {
  values: Pick<DataValueService, "submit" | "inOneTransaction">;
  /** The caller's areas: a value outside them is a conflict of its own. */
  scope: AreaScope;
  /** The stored values under the keys of `rows`: what tells new values from existing and unchanged ones. */
  findStored: (rows: readonly ValidValue[]) => Promise<StoredValue[]>;
}

/** A value the mapping could translate, with the version its period's data belong to. */
interface Translated {
  source: Dhis2DataValue;
  value: SubmittedValue & { sex: Sex | null; comment: string | null };
  hierarchy: string;
}

/** What the service names a field, and the DHIS2 property and reason code it becomes. */
const FIELD_PROPERTIES: Record<string, { property: string; errorCode: Dhis2ErrorCode }> = {
  dataElementCode: { property: "dataElement", errorCode: "INVALID_DATA_ELEMENT" },
  areaCode: { property: "orgUnit", errorCode: "INVALID_ORG_UNIT" },
  period: { property: "period", errorCode: "INVALID_PERIOD" },
  sex: { property: "categoryOptionCombo", errorCode: "INVALID_SEX" },
  value: { property: "value", errorCode: "INVALID_VALUE" },
  comment: { property: "comment", errorCode: "INVALID_COMMENT" },
};

type Refuse = (row: Dhis2DataValue, property: string | null, errorCode: Dhis2ErrorCode, message: string) => void;

/** A batch refused in the write pass (a data set approved since the check, a value written by another writer): rolled back. */
class RefusedDuringWrite extends Error {
  constructor(readonly conflicts: Dhis2Conflict[]) {
    super("refused in the write pass");
  }
}

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += FILE_BATCH_SIZE) out.push(items.slice(start, start + FILE_BATCH_SIZE));
  return out;
}

export class Dhis2ImportService {
  constructor(private readonly deps: Dhis2ImportDependencies) {}

  async importValues(rows: readonly Dhis2DataValue[], mapping: Dhis2Mapping, options: Dhis2ImportOptions): Promise<Dhis2ImportSummary> {
    const conflicts: Dhis2Conflict[] = [];
    const rejected = new Set<number>();
    const refuse: Refuse = (row, property, errorCode, message) => {
      rejected.add(row.index);
      conflicts.push(conflictOf(row, property, errorCode, message));
    };

    const translated = await this.translate(rows, mapping, refuse);
    const checked = await this.withinScope(translated, refuse);
    // The service's rules, batch by batch, on everything not refused already (a dry run: nothing written).
    for (const batch of batches(checked)) {
      const result = await this.deps.values.submit(
        batch.map((t) => t.value),
        { dryRun: true, submittedBy: options.submittedBy },
      );
      for (const c of result.conflicts) this.refuseByService(batch[c.index].source, c, refuse);
    }

    const summary = (status: Dhis2ImportSummary["status"], description: string, count: Omit<Dhis2ImportSummary["importCount"], "deleted">) => ({
      responseType: "ImportSummary" as const,
      status,
      description,
      importOptions: { dryRun: options.dryRun, importStrategy: options.strategy, atomicMode: "ALL" as const },
      importCount: { ...count, deleted: 0 },
      conflicts: conflicts.sort((a, b) => (a.indexes[0] ?? -1) - (b.indexes[0] ?? -1)).slice(0, MAX_LISTED_CONFLICTS),
      rejected: rejected.size,
    });
    const nothingWritten = { imported: 0, updated: 0, ignored: rows.length };
    if (rejected.size > 0) return summary("ERROR", `${rejected.size} of ${rows.length} data values refused: nothing was written`, nothingWritten);

    const plan = await this.plan(checked, options.strategy);
    const counts = { imported: plan.created.length, updated: plan.changed.length, ignored: plan.ignored };
    if (options.dryRun) return summary("SUCCESS", "Dry run: nothing was written", counts);
    const toWrite = [...plan.created, ...plan.changed];
    if (toWrite.length > 0) {
      try {
        await this.write(toWrite, counts, options.submittedBy);
      } catch (error) {
        if (!(error instanceof RefusedDuringWrite)) throw error;
        conflicts.push(...error.conflicts);
        for (const c of error.conflicts) for (const index of c.indexes) rejected.add(index);
        return { ...summary("ERROR", `refused while writing: nothing was written`, nothingWritten), rejected: Math.max(rejected.size, 1) };
      }
    }
    return summary("SUCCESS", "Import process completed successfully", counts);
  }

  /** Each value through the mapping; what cannot be translated is refused with its reason (several per value if so). */
  private async translate(rows: readonly Dhis2DataValue[], mapping: Dhis2Mapping, refuse: Refuse): Promise<Translated[]> {
    const timeline = await this.deps.scope.areas.timeline();
    const versionOf = new Map<string, string>();
    const translated: Translated[] = [];
    const firstOfKey = new Map<string, number>();
    for (const row of rows) {
      if (row.problem) {
        refuse(row, row.problem.property, "INVALID_DATA_VALUE", row.problem.message);
        continue;
      }
      let ok = true;
      const fail = (property: string, errorCode: Dhis2ErrorCode, message: string) => {
        ok = false;
        refuse(row, property, errorCode, message);
      };
      const element = mapping.dataElements.get(row.dataElement);
      if (row.dataElement === "") fail("dataElement", "UNKNOWN_DATA_ELEMENT", "dataElement is missing");
      else if (!element) fail("dataElement", "UNKNOWN_DATA_ELEMENT", `data element "${row.dataElement}" is not in the mapping`);

      const period = periodFromDhis2(row.period);
      let hierarchy: string | null = null;
      if ("problem" in period) fail("period", "UNSUPPORTED_PERIOD", period.problem);
      else {
        hierarchy = versionOf.get(period.period) ?? timeline.forPeriod(period.period).code;
        versionOf.set(period.period, hierarchy);
      }

      const unit = mapping.orgUnits.get(row.orgUnit);
      if (row.orgUnit === "") fail("orgUnit", "UNKNOWN_ORG_UNIT", "orgUnit is missing (on the value or the data value set)");
      else if (!unit) fail("orgUnit", "UNKNOWN_ORG_UNIT", `orgUnit "${row.orgUnit}" is not in the mapping`);
      else if (hierarchy && unit.hierarchy && unit.hierarchy !== hierarchy) {
        fail(
          "orgUnit",
          "HIERARCHY_MISMATCH",
          `orgUnit "${row.orgUnit}" is area ${unit.areaCode} of hierarchy ${unit.hierarchy}, but period ${row.period} is reported on hierarchy ${hierarchy}`,
        );
      }

      // No category option combo: DHIS2's default combination, a value without sex.
      const sex = row.categoryOptionCombo === "" ? null : mapping.categoryOptionCombos.get(row.categoryOptionCombo);
      if (sex === undefined)
        fail("categoryOptionCombo", "UNKNOWN_CATEGORY_OPTION_COMBO", `category option combo "${row.categoryOptionCombo}" is not in the mapping`);

      const aoc = row.attributeOptionCombo;
      if (aoc !== "" && mapping.attributeOptionCombos && !mapping.attributeOptionCombos.has(aoc)) {
        fail(
          "attributeOptionCombo",
          "UNKNOWN_ATTRIBUTE_OPTION_COMBO",
          `attribute option combo "${aoc}" is not in the mapping (this system keeps no attribute disaggregation)`,
        );
      }

      const value = readValue(row.value);
      if (typeof value !== "number") fail("value", "INVALID_VALUE", value.problem);

      if (!ok || !element || !unit || !hierarchy || sex === undefined || typeof value !== "number" || "problem" in period) continue;
      const key = valueKey({ dataElementCode: element, areaCode: unit.areaCode, period: period.period, sex: sex ?? "NONE" });
      const first = firstOfKey.get(key);
      if (first !== undefined) {
        refuse(
          row,
          null,
          "DUPLICATE",
          `the same value as data value ${first} (data element ${element}, area ${unit.areaCode}, period ${period.period}, sex ${sex ?? "none"})`,
        );
        continue;
      }
      firstOfKey.set(key, row.index);
      translated.push({
        source: row,
        value: { dataElementCode: element, areaCode: unit.areaCode, period: period.period, sex, value, comment: row.comment },
        hierarchy,
      });
    }
    return translated;
  }

  /**
   * Values at areas outside the caller's, each refused on its own. A code not found in its version is left to the
   * service, which says where it is (unknown, or an area of another version).
   */
  private async withinScope(rows: readonly Translated[], refuse: Refuse): Promise<Translated[]> {
    const { scope } = this.deps;
    const refusedKeys = new Set<string>();
    for (const version of new Set(rows.map((r) => r.hierarchy))) {
      const outside = await scope.outside([...new Set(rows.filter((r) => r.hierarchy === version).map((r) => r.value.areaCode))], version);
      if (outside.length === 0) continue;
      const known = await scope.areas.hierarchy.placements(outside, version);
      for (const code of known.keys()) refusedKeys.add(`${version}|${code}`);
    }
    return rows.filter((row) => {
      if (!refusedKeys.has(`${row.hierarchy}|${row.value.areaCode}`)) return true;
      refuse(row.source, "orgUnit", "OUT_OF_SCOPE", `area ${row.value.areaCode} (orgUnit "${row.source.orgUnit}") is outside your assigned areas`);
      return false;
    });
  }

  private refuseByService(row: Dhis2DataValue, conflict: RowConflict, refuse: Refuse): void {
    const known = conflict.field ? FIELD_PROPERTIES[conflict.field] : undefined;
    if (known) refuse(row, known.property, known.errorCode, conflict.message);
    else refuse(row, null, conflict.message.startsWith("locked:") ? "LOCKED" : "DUPLICATE", conflict.message);
  }

  /**
   * New, changed and unchanged values against what is stored; the strategy picks which to write. A value equal
   * to the stored one is never rewritten (it counts as ignored), so a payload sent twice changes nothing.
   */
  private async plan(rows: readonly Translated[], strategy: ImportStrategy): Promise<{ created: Translated[]; changed: Translated[]; ignored: number }> {
    const asStored = (t: Translated): ValidValue => ({
      ...t.value,
      hierarchy: t.hierarchy,
      sex: t.value.sex ?? "NONE",
      status: "FINAL", // the status DataValueService gives a value submitted without one
    });
    const stored = new Map<string, StoredValue>();
    for (const batch of batches(rows)) for (const s of await this.deps.findStored(batch.map(asStored))) stored.set(valueKey(s), s);
    const created: Translated[] = [];
    const changed: Translated[] = [];
    for (const row of rows) {
      const next = asStored(row);
      const existing = stored.get(valueKey(next));
      if (!existing) {
        if (strategy !== "UPDATE") created.push(row);
      } else if (existing.value !== next.value || existing.status !== next.status || existing.comment !== next.comment) {
        if (strategy !== "CREATE") changed.push(row);
      }
    }
    return { created, changed, ignored: rows.length - created.length - changed.length };
  }

  /** Every batch in one transaction holding the locks of the set's (element, period) pairs: all written, or none. */
  private async write(rows: readonly Translated[], expected: { imported: number; updated: number }, submittedBy: string): Promise<void> {
    const pairs = new Map<string, ElementPeriod>();
    for (const { value } of rows) pairs.set(`${value.dataElementCode}|${value.period}`, value);
    await this.deps.values.inOneTransaction(
      pairs.values(),
      async (joined) => {
        const written = { imported: 0, updated: 0 };
        for (const batch of batches(rows)) {
          const result = await joined.submit(
            batch.map((t) => t.value),
            { dryRun: false, submittedBy },
          );
          if (result.conflicts.length > 0) {
            const collected: Dhis2Conflict[] = [];
            for (const c of result.conflicts) {
              this.refuseByService(batch[c.index].source, c, (row, property, errorCode, message) =>
                collected.push(conflictOf(row, property, errorCode, message)),
              );
            }
            throw new RefusedDuringWrite(collected);
          }
          written.imported += result.imported;
          written.updated += result.updated;
        }
        // What was planned against the stored values is what was written, or another writer came in between.
        if (written.imported !== expected.imported || written.updated !== expected.updated) {
          throw new RefusedDuringWrite([
            {
              object: "dataValueSet",
              objects: { dataElement: "", orgUnit: "", period: "", categoryOptionCombo: "" },
              property: null,
              value: "stored values changed while the import ran (another writer): nothing was written; send the data value set again",
              errorCode: "CHANGED_DURING_IMPORT",
              indexes: [],
            },
          ]);
        }
      },
      { timeoutMs: 600_000 },
    );
  }
}

function conflictOf(row: Dhis2DataValue, property: string | null, errorCode: Dhis2ErrorCode, message: string): Dhis2Conflict {
  const sent: Record<string, string> = {
    dataElement: row.dataElement,
    orgUnit: row.orgUnit,
    period: row.period,
    categoryOptionCombo: row.categoryOptionCombo,
    attributeOptionCombo: row.attributeOptionCombo,
    value: row.value === undefined || row.value === null ? "" : String(row.value),
    comment: row.comment ?? "",
  };
  return {
    object: property && property in sent ? sent[property] : row.dataElement,
    objects: { dataElement: row.dataElement, orgUnit: row.orgUnit, period: row.period, categoryOptionCombo: row.categoryOptionCombo },
    property,
    value: message,
    errorCode,
    indexes: [row.index],
    ...(row.line === undefined ? {} : { line: row.line }),
  };
}
