// The disclosure rule applied to this subgraph's figures, for one request (docs/decisions/0080): every path
// that lets a figure out (indicator values at any level, history, validation results, exports) asks here.
// - Confidential elements (derived from case records): for callers without exact access, the cells of the
//   whole country's table that small-count suppression hides (primary and complementary, over sexes and the
//   area tree, decided once per period for everyone) come back null; figures carried across hierarchy
//   versions are hidden whole, since their sources' suppression does not carry over a partial mapping.
// - Unapproved data: a partner sees a governed element's figure once its data set is approved or accepted
//   for the period at the area or an area above it (docs/decisions/0054).
import {
  type AreaPlacement,
  type DisclosureRule,
  type FigureSex,
  NATION_CODE,
  buildFigureTable,
  figureCell,
  selfAndAncestors,
  suppressedCells,
} from "@vnge/shared";
import { type Approvals, type DisclosureStore, approvalKey } from "./disclosure.store";

/** A confidential element a figure uses, restricted to one sex or not. */
export interface ConfidentialTerm {
  element: string;
  sex?: "MALE" | "FEMALE" | null;
}

/** The parts of a figure hidden from the caller. */
export interface HiddenParts {
  total: boolean;
  male: boolean;
  female: boolean;
}

export const NOTHING_HIDDEN: HiddenParts = { total: false, male: false, female: false };
export const ALL_HIDDEN: HiddenParts = { total: true, male: true, female: true };

/** How the rule finds an element's kind and an area's place in the version of a period's data. */
export interface DisclosureLookup {
  element(code: string): Promise<{ code: string; confidential: boolean } | null>;
  area(code: string, period: string): Promise<AreaPlacement | null>;
}

export interface HistoryFigures {
  oldValue: number | null;
  newValue: number | null;
  comment: string | null;
}

export interface ViolationFigures {
  areaCode: string;
  elements: readonly string[];
  leftValue: number | null;
  rightValue: number | null;
  message: string;
  summary: string;
}

export interface Screened {
  suppressed: boolean;
  withheld: boolean;
}

/** Whether a figure is shown, suppressed (confidential) or withheld (unapproved). */
export type Visibility = "SHOWN" | "SUPPRESSED" | "WITHHELD";

export class FigureDisclosure {
  private readonly hiddenByPeriod = new Map<string, Promise<ReadonlySet<string>>>();

  constructor(
    readonly rule: DisclosureRule,
    private readonly store: DisclosureStore,
    private readonly lookup: DisclosureLookup,
  ) {}

  /** Whether this caller sees figures of confidential elements exactly. */
  get exactConfidential(): boolean {
    return this.rule.exactConfidential;
  }

  /**
   * Which parts of a figure over confidential terms (the confidential elements among those it uses, each with
   * the sex it is restricted to) at `areaCode` for `period`, read in `version` (the version the period's data
   * belong to), this caller may not see: a part is hidden when any cell it is computed from is.
   */
  async hiddenParts(terms: readonly ConfidentialTerm[], areaCode: string, period: string, version: string): Promise<HiddenParts> {
    if (this.rule.exactConfidential || terms.length === 0) return NOTHING_HIDDEN;
    const hidden = await this.hiddenCells(period, version);
    const any = (sexOf: (term: ConfidentialTerm) => FigureSex | "TOTAL") => terms.some((term) => hidden.has(figureCell(term.element, areaCode, sexOf(term))));
    return {
      total: any((term) => term.sex ?? "TOTAL"),
      male: any((term) => term.sex ?? "MALE"),
      female: any((term) => term.sex ?? "FEMALE"),
    };
  }

  /** The cells of the country's confidential table hidden for a period (one computation per request and period). */
  hiddenCells(period: string, version: string): Promise<ReadonlySet<string>> {
    const key = `${period}|${version}`;
    let hidden = this.hiddenByPeriod.get(key);
    if (!hidden) {
      hidden = this.store.confidentialValues([period], version).then(({ values, places }) => {
        const table = buildFigureTable(values, places);
        return suppressedCells(table.values, table.equations, this.rule.threshold);
      });
      this.hiddenByPeriod.set(key, hidden);
    }
    return hidden;
  }

  /**
   * How this caller may see the stored values of one element at one area and period (their history, or the
   * values a validation rule compares): confidential values only exactly or not at all, since a single
   * stored value is a commune's count before any suppression; unapproved values not at all for partners.
   */
  async storedValueVisibility(element: { code: string; confidential: boolean }, area: AreaPlacement, period: string): Promise<Visibility> {
    if (element.confidential && !this.rule.exactConfidential) return "SUPPRESSED";
    const publication = await this.publication([element.code], [period], [area]);
    return publication && !publication(area, period, [element.code]) ? "WITHHELD" : "SHOWN";
  }

  /**
   * Which of many stored values of one period (a page of an export) this caller may see, by the rule of
   * storedValueVisibility: a confidential element's values only exactly (a stored value is a commune's count
   * before any suppression), unapproved values not for partners; a value whose area is not found is not shown
   * to an approved-only caller. Elements and areas are looked up once each, approvals once for the page.
   */
  async storedValuesShown(values: readonly { dataElementCode: string; areaCode: string }[], period: string): Promise<boolean[]> {
    const codes = [...new Set(values.map((v) => v.dataElementCode))];
    const elements = new Map(await Promise.all(codes.map(async (code) => [code, await this.lookup.element(code)] as const)));
    const suppressed = (code: string) => !this.rule.exactConfidential && elements.get(code)?.confidential === true;
    if (!this.rule.approvedOnly) return values.map((v) => !suppressed(v.dataElementCode));
    const areaCodes = [...new Set(values.filter((v) => !suppressed(v.dataElementCode)).map((v) => v.areaCode))];
    const areas = new Map(await Promise.all(areaCodes.map(async (code) => [code, await this.lookup.area(code, period)] as const)));
    const placed = [...areas.values()].filter((area): area is AreaPlacement => area !== null);
    const publication = await this.publication(
      codes.filter((code) => !suppressed(code)),
      [period],
      placed,
    );
    return values.map((v) => {
      if (suppressed(v.dataElementCode)) return false;
      const area = areas.get(v.areaCode);
      if (!area) return false;
      return publication === null || publication(area, period, [v.dataElementCode]);
    });
  }

  /** The history of one stored value as this caller may see it: every figure nulled when the value is not shown. */
  async screenHistory<T extends HistoryFigures>(changes: readonly T[], elementCode: string, areaCode: string, period: string): Promise<(T & Screened)[]> {
    const [element, area] = await Promise.all([this.lookup.element(elementCode), this.lookup.area(areaCode, period)]);
    const visibility = element && area ? await this.storedValueVisibility(element, area, period) : "SHOWN";
    if (visibility === "SHOWN") return changes.map((change) => ({ ...change, suppressed: false, withheld: false }));
    // The comment goes too: it may quote the figure.
    return changes.map((change) => ({
      ...change,
      oldValue: null,
      newValue: null,
      comment: null,
      suppressed: visibility === "SUPPRESSED",
      withheld: visibility === "WITHHELD",
    }));
  }

  /** Validation results as this caller may see them: the compared values of elements not shown are dropped from each. */
  async violationsAsShown<T extends ViolationFigures>(violations: readonly T[], period: string): Promise<T[]> {
    return Promise.all(
      violations.map(async (violation) => {
        const area = await this.lookup.area(violation.areaCode, period);
        const elements = await Promise.all(violation.elements.map((code) => this.lookup.element(code)));
        const visible = await Promise.all(elements.map((element) => (element && area ? this.storedValueVisibility(element, area, period) : "SHOWN")));
        return visible.every((v) => v === "SHOWN") ? violation : { ...violation, leftValue: null, rightValue: null, message: violation.summary };
      }),
    );
  }

  /**
   * For approved-only callers, a test of whether a figure is published; null for everyone else (all published).
   * `areas` are every area the figures are for; approvals are read for them and their ancestors in one statement.
   */
  async publication(elementCodes: readonly string[], periods: readonly string[], areas: readonly AreaPlacement[]): Promise<PublicationTest | null> {
    if (!this.rule.approvedOnly || elementCodes.length === 0) return null;
    const approvals = await this.store.approvals(elementCodes, periods, [...new Set([NATION_CODE, ...areas.flatMap((area) => selfAndAncestors(area))])]);
    return publicationTest(approvals);
  }
}

/**
 * `carried`: the figure mixes source areas of another version, so only an approval of the whole nation
 * publishes it.
 */
export type PublicationTest = (area: AreaPlacement, period: string, elements: readonly string[], carried?: boolean) => boolean;

function publicationTest(approvals: Approvals): PublicationTest {
  return (area, period, elements, carried = false) =>
    elements.every((element) => {
      if (!approvals.governed.has(element)) return true;
      const approvers = carried ? [NATION_CODE] : selfAndAncestors(area);
      return approvers.some((code) => approvals.approved.has(approvalKey(element, period, code)));
    });
}
