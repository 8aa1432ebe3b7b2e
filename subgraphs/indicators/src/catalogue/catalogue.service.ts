// Who may define what, and the rules of a definition's life: created valid, changed without rewriting the
// meaning of stored data, retired rather than deleted (docs/decisions/0084 and 0085).
import {
  type AreaScope,
  BadUserInputError,
  type DataElementRecord,
  ForbiddenError,
  type Identity,
  type IndicatorRecord,
  NotFoundError,
  Role,
  hasAnyRole,
} from "@vnge/shared";
import { dataSetProblems } from "../data-set/data-set.seed";
import type { CatalogueFileStore, StoredDataSet } from "./catalogue-file.store";
import type {
  CreateDataElementInput,
  CreateDataSetInput,
  CreateIndicatorInput,
  DeadlineInput,
  UpdateDataElementInput,
  UpdateDataSetInput,
  UpdateIndicatorInput,
} from "./catalogue.input";
import { type ElementFacts, NATION_CODE, type Problem, codeProblem, formulaProblems } from "./catalogue.rules";
import type { CatalogueChangeRow, CatalogueStore } from "./catalogue.store";

const deadline = (d: DeadlineInput) => ({ level: d.level, month: d.month, day: d.day, yearOffset: d.yearOffset ?? 0 });

const refuse = (problems: Problem[]): never => {
  throw new BadUserInputError(problems.map((p) => p.message).join("; "), { field: problems[0].field, problems });
};

/** Fields whose change would alter what stored values mean. */
const ELEMENT_MEANING = ["valueType", "disaggregatedBySex", "collectionLevel"] as const;
const INDICATOR_MEANING = ["numeratorElementCode", "numeratorSex", "denominatorElementCode", "denominatorSex", "factor", "unit"] as const;

export class CatalogueService {
  constructor(
    private readonly store: CatalogueStore,
    private readonly identity: Identity,
    private readonly scope: AreaScope,
    private readonly files: CatalogueFileStore,
  ) {}

  async createDataSet(input: CreateDataSetInput): Promise<StoredDataSet> {
    const owner = input.owner ?? NATION_CODE;
    const problem = codeProblem(input.code, owner);
    if (problem) refuse([problem]);
    await this.authorize(owner, "create");
    if (await this.files.findDataSet(input.code)) refuse([{ field: "code", message: `data set ${input.code} already exists` }]);
    const after: StoredDataSet = {
      code: input.code,
      owner,
      name: input.name,
      nameVi: input.nameVi,
      collectionLevel: input.collectionLevel,
      collectionLevelWithoutDistricts: input.collectionLevelWithoutDistricts ?? null,
      retiredAt: null,
      elements: [...new Set(input.elements)].sort(),
      deadlines: input.deadlines.map(deadline),
    };
    await this.assertDataSet(after);
    await this.files.apply([{ kind: "DATA_SET", action: "CREATE", before: null, after }], this.identity.subject);
    return after;
  }

  async updateDataSet(input: UpdateDataSetInput): Promise<StoredDataSet> {
    const before = await this.dataSet(input.code);
    await this.authorize(before.owner, "change");
    const after: StoredDataSet = {
      ...before,
      name: input.name ?? before.name,
      nameVi: input.nameVi ?? before.nameVi,
      elements: input.elements ? [...new Set(input.elements)].sort() : before.elements,
      deadlines: input.deadlines ? input.deadlines.map(deadline) : before.deadlines,
    };
    await this.assertDataSet(after);
    await this.files.apply([{ kind: "DATA_SET", action: "UPDATE", before, after }], this.identity.subject);
    return after;
  }

  async retireDataSet(code: string): Promise<StoredDataSet> {
    const before = await this.dataSet(code);
    await this.authorize(before.owner, "retire");
    if (before.retiredAt) return before;
    const after = { ...before, retiredAt: new Date() };
    await this.files.apply([{ kind: "DATA_SET", action: "RETIRE", before, after }], this.identity.subject);
    return after;
  }

  /** Known, active elements collected at the set's level, national or the owner's own; deadlines at or above it. */
  private async assertDataSet(set: StoredDataSet): Promise<void> {
    const elements = await this.store.findElements(set.elements);
    const known = elements.map((e) => ({
      code: e.code,
      name: e.name,
      nameVi: e.nameVi,
      valueType: e.valueType,
      disaggregatedBySex: e.disaggregatedBySex,
      collectionLevel: e.collectionLevel,
    }));
    const problems: Problem[] = dataSetProblems([set], known).map((message) => ({ field: "elements", message }));
    for (const element of elements) {
      if (element.retiredAt) problems.push({ field: "elements", message: `data element ${element.code} is retired` });
      if (element.owner !== NATION_CODE && element.owner !== set.owner)
        problems.push({ field: "elements", message: `data element ${element.code} belongs to area ${element.owner}` });
    }
    if (problems.length > 0) refuse(problems);
  }

  private async dataSet(code: string): Promise<StoredDataSet> {
    const found = await this.files.findDataSet(code);
    if (!found) throw new NotFoundError(`unknown data set "${code}"`, { field: "code" });
    return found;
  }

  /**
   * National definitions: a national administrator. Local ones: an administrator or a catalogue manager whose
   * scope holds the owner, which must be a province (or a district of a version before the 2025 reform).
   */
  private async authorize(owner: string, action: string): Promise<void> {
    if (owner === NATION_CODE) {
      if (hasAnyRole(this.identity, [Role.ADMIN]) && this.scope.national) return;
      throw new ForbiddenError(`You may not ${action} a national definition: only a national administrator may`);
    }
    const places = (await this.store.areaLevels(owner)).filter((place) => place.level === "PROVINCE" || place.level === "DISTRICT");
    if (places.length === 0) throw new BadUserInputError(`owner ${owner} is not a province or a district`, { field: "owner" });
    if (!hasAnyRole(this.identity, [Role.ADMIN, Role.CATALOGUE_MANAGER])) throw new ForbiddenError(`You may not ${action} definitions of area ${owner}`);
    for (const place of places) if (await this.scope.contains(owner, place.hierarchy)) return;
    throw new ForbiddenError(`You may not ${action} definitions of area ${owner}: outside your assigned areas`, { areaCodes: [owner] });
  }

  async createDataElement(input: CreateDataElementInput): Promise<DataElementRecord> {
    const owner = input.owner ?? NATION_CODE;
    const problem = codeProblem(input.code, owner);
    if (problem) refuse([problem]);
    await this.authorize(owner, "create");
    if ((await this.store.findElements([input.code])).length > 0) refuse([{ field: "code", message: `data element ${input.code} already exists` }]);
    return this.store.createElement(
      {
        code: input.code,
        owner,
        name: input.name,
        nameVi: input.nameVi,
        description: input.description ?? null,
        valueType: input.valueType,
        disaggregatedBySex: input.disaggregatedBySex,
        collectionLevel: input.collectionLevel,
        collectionLevelWithoutDistricts: input.collectionLevelWithoutDistricts ?? null,
        maxValue: input.maxValue ?? null,
        confidential: input.confidential ?? false,
        retiredAt: null,
      },
      this.identity.subject,
    );
  }

  async updateDataElement(input: UpdateDataElementInput): Promise<DataElementRecord> {
    const before = await this.element(input.code);
    await this.authorize(before.owner, "change");
    const data: Partial<DataElementRecord> = {};
    if (input.name != null) data.name = input.name;
    if (input.nameVi != null) data.nameVi = input.nameVi;
    if (input.description !== undefined) data.description = input.description;
    if (input.valueType != null) data.valueType = input.valueType;
    if (input.disaggregatedBySex != null) data.disaggregatedBySex = input.disaggregatedBySex;
    if (input.collectionLevel != null) data.collectionLevel = input.collectionLevel;
    if (input.maxValue !== undefined) data.maxValue = input.maxValue;
    if (input.confidential != null) data.confidential = input.confidential;
    const changed = ELEMENT_MEANING.filter((field) => field in data && data[field] !== before[field]);
    if (changed.length > 0) {
      const problems: Problem[] = [];
      if ((await this.store.elementsWithValues([before.code])).length > 0) {
        problems.push({
          field: changed[0],
          message: `data element ${before.code} holds values: its ${changed.join(", ")} cannot change (define a new element and retire this one)`,
        });
      }
      const users = await this.store.indicatorsUsing(before.code);
      if (changed.some((field) => field !== "valueType") && users.length > 0) {
        problems.push({
          field: changed[0],
          message: `data element ${before.code} is used by indicator${users.length === 1 ? "" : "s"} ${users.join(", ")}: its ${changed.join(", ")} cannot change`,
        });
      }
      if (problems.length > 0) refuse(problems);
    }
    return this.store.updateElement(before, data, "UPDATE", this.identity.subject);
  }

  async retireDataElement(code: string): Promise<DataElementRecord> {
    const before = await this.element(code);
    await this.authorize(before.owner, "retire");
    if (before.retiredAt) return before;
    const users = await this.store.indicatorsUsing(code);
    if (users.length > 0)
      refuse([
        {
          field: "code",
          message: `data element ${code} is used by indicator${users.length === 1 ? "" : "s"} ${users.join(", ")}: retire ${users.length === 1 ? "it" : "them"} first`,
        },
      ]);
    return this.store.updateElement(before, { retiredAt: new Date() }, "RETIRE", this.identity.subject);
  }

  async createIndicator(input: CreateIndicatorInput): Promise<IndicatorRecord> {
    const owner = input.owner ?? NATION_CODE;
    const problem = codeProblem(input.code, owner);
    if (problem) refuse([problem]);
    await this.authorize(owner, "create");
    if (await this.store.findIndicator(input.code)) refuse([{ field: "code", message: `indicator ${input.code} already exists` }]);
    const record: IndicatorRecord = {
      code: input.code,
      owner,
      name: input.name,
      nameVi: input.nameVi,
      description: input.description ?? null,
      numeratorElementCode: input.numerator.element,
      numeratorSex: input.numerator.sex ?? null,
      denominatorElementCode: input.denominator?.element ?? null,
      denominatorSex: input.denominator?.sex ?? null,
      factor: input.factor,
      unit: input.unit,
      decimals: input.decimals,
      betterDirection: input.betterDirection,
      retiredAt: null,
    };
    await this.assertFormula(record);
    return this.store.createIndicator(record, this.identity.subject);
  }

  async updateIndicator(input: UpdateIndicatorInput): Promise<IndicatorRecord> {
    const before = await this.indicator(input.code);
    await this.authorize(before.owner, "change");
    const data: Partial<IndicatorRecord> = {};
    if (input.name != null) data.name = input.name;
    if (input.nameVi != null) data.nameVi = input.nameVi;
    if (input.description !== undefined) data.description = input.description;
    if (input.numerator) Object.assign(data, { numeratorElementCode: input.numerator.element, numeratorSex: input.numerator.sex ?? null });
    if (input.denominator) Object.assign(data, { denominatorElementCode: input.denominator.element, denominatorSex: input.denominator.sex ?? null });
    else if (input.removeDenominator) Object.assign(data, { denominatorElementCode: null, denominatorSex: null });
    if (input.factor != null) data.factor = input.factor;
    if (input.unit != null) data.unit = input.unit;
    if (input.decimals != null) data.decimals = input.decimals;
    if (input.betterDirection != null) data.betterDirection = input.betterDirection;
    const after: IndicatorRecord = { ...before, ...data };
    const changed = INDICATOR_MEANING.filter((field) => after[field] !== before[field]);
    if (changed.length > 0) {
      await this.assertFormula(after);
      const reasons = await this.dataOf(before);
      if (reasons.length > 0) {
        refuse([
          {
            field: changed[0],
            message: `indicator ${before.code} ${reasons.join(" and ")}: its formula and unit cannot change without changing earlier answers; define a new indicator and retire this one`,
          },
        ]);
      }
    }
    return this.store.updateIndicator(before, data, "UPDATE", this.identity.subject);
  }

  async retireIndicator(code: string): Promise<IndicatorRecord> {
    const before = await this.indicator(code);
    await this.authorize(before.owner, "retire");
    if (before.retiredAt) return before;
    return this.store.updateIndicator(before, { retiredAt: new Date() }, "RETIRE", this.identity.subject);
  }

  /** The audit, newest first: administrators only (checked by the resolver). */
  changes(code: string | undefined, limit: number): Promise<CatalogueChangeRow[]> {
    if (!(limit >= 1 && limit <= 1000)) throw new BadUserInputError("limit must be from 1 to 1000", { field: "limit" });
    return this.store.changes(code, limit);
  }

  /** What stored data an indicator's answers come from: values of its elements, targets naming it. */
  private async dataOf(indicator: IndicatorRecord): Promise<string[]> {
    const elements = [indicator.numeratorElementCode, ...(indicator.denominatorElementCode ? [indicator.denominatorElementCode] : [])];
    const [withValues, targets] = await Promise.all([this.store.elementsWithValues(elements), this.store.targetCount(indicator.code)]);
    const reasons: string[] = [];
    if (withValues.length > 0) reasons.push(`has values (data element${withValues.length === 1 ? "" : "s"} ${withValues.join(", ")})`);
    if (targets > 0) reasons.push(`has ${targets} target${targets === 1 ? "" : "s"}`);
    return reasons;
  }

  private async assertFormula(record: IndicatorRecord): Promise<void> {
    const codes = [record.numeratorElementCode, ...(record.denominatorElementCode ? [record.denominatorElementCode] : [])];
    const elements = new Map<string, ElementFacts>((await this.store.findElements(codes)).map((e) => [e.code, e]));
    const problems = formulaProblems(
      {
        owner: record.owner,
        numerator: { element: record.numeratorElementCode, sex: record.numeratorSex },
        denominator: record.denominatorElementCode ? { element: record.denominatorElementCode, sex: record.denominatorSex } : null,
        factor: record.factor,
      },
      elements,
    );
    if (problems.length > 0) refuse(problems);
  }

  private async element(code: string): Promise<DataElementRecord> {
    const [found] = await this.store.findElements([code]);
    if (!found) throw new NotFoundError(`unknown data element "${code}"`, { field: "code" });
    return found;
  }

  private async indicator(code: string): Promise<IndicatorRecord> {
    const found = await this.store.findIndicator(code);
    if (!found) throw new NotFoundError(`unknown indicator "${code}"`, { field: "code" });
    return found;
  }
}
