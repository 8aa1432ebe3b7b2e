// The yearly gender-equality report of an area: what the system holds for the year, gathered through the supergraph as
// the caller and arranged the way the report an official signs is arranged (heading, targets by the Strategy's
// objectives, other indicators beside the previous year, communication, gender-based violence, data quality, and in
// the review years the 5-year plan year by year). The renderers (xlsx, docx) only lay this out.
import { BadUserInputError, NotFoundError } from "@vnge/shared";
import { type Execute, run } from "../supergraph-as-caller";
import definition from "./yearly-report.definition.json";
import { REPORT_LABELS, type ReportLanguage } from "./report-labels";
import { CASES, CATALOGUE, REPORT, areaInVersions, reportingStatus, targetsByYear } from "./yearly-report.query";

/** A figure as the caller may see it: a number, or why there is none. */
export interface Figure {
  value: number | null;
  /** withheld (not approved, for partners), suppressed (a small case count) or none (no data). */
  mark: "withheld" | "suppressed" | null;
  approximate: boolean;
}
export interface SexFigures {
  total: Figure;
  male: Figure;
  female: Figure;
}
export interface IndicatorInfo {
  code: string;
  name: string;
  unit: string;
  decimals: number;
}
export interface TargetRow {
  indicator: IndicatorInfo;
  sex: string | null;
  baseline: number | null;
  baselinePeriod: string | null;
  target: number;
  comparison: string;
  actual: SexFigures;
  status: string;
  gap: number | null;
  agency: string | null;
  plan: string;
}
export interface ObjectiveGroup<Row> {
  code: string;
  name: string;
  rows: Row[];
}
export interface IndicatorRow {
  indicator: IndicatorInfo;
  previous: SexFigures;
  current: SexFigures;
}
export interface CaseCount {
  label: string;
  count: number | null;
  suppressed: boolean;
}
export interface YearlyReport {
  language: ReportLanguage;
  year: number;
  area: { code: string; hierarchy: string; level: string; name: string; fullName: string };
  heading: { superior: string | null; issuingBody: string; motto: [string, string]; numberLine: string; placeDateLine: string; title: string };
  plans: { title: string; type: string; years: string; documentNumber: string | null }[];
  targets: ObjectiveGroup<TargetRow>[];
  indicators: ObjectiveGroup<IndicatorRow>[];
  communication: {
    activities: number;
    reached: { male: number; female: number; total: number };
    byKind: { kind: string; activities: number; male: number; female: number; total: number }[];
    campaigns: { name: string; dates: string; theme: string | null }[];
  };
  /** Null counts with the reason when the year's cases are counted on another hierarchy version's areas. */
  violence: { threshold: number | null; total: CaseCount | null; groups: { title: string; counts: CaseCount[] }[]; unavailable: string | null };
  dataQuality: {
    /** Why the areas beneath report nothing for the year here, when they report in another version. */
    unavailable: string | null;
    rows: { dataSet: string; level: string; deadline: string | null; expected: number; received: number; onTime: number; late: number; missing: number }[];
    approximate: string[];
    withheld: string[];
  };
  review: {
    plan: string;
    years: number[];
    rows: {
      indicator: IndicatorInfo;
      sex: string | null;
      target: number;
      comparison: string;
      byYear: { year: number; value: number | null; status: string }[];
    }[];
  } | null;
}

export interface ReportRequest {
  areaCode: string;
  year: number;
  language: ReportLanguage;
  /** The agency issuing the report (its name heads the document beneath the area's People's Committee). */
  agency?: { name: string; nameVi: string } | null;
  hierarchy?: string;
}

const REVIEW_YEARS = new Set([2025, 2030]);

interface Catalogue {
  hierarchies: { code: string; validFrom: string | null }[];
  indicators: { code: string; name: string; nameVi: string; unit: string; decimals: number; owner: string }[];
  dataSets: { code: string; name: string; nameVi: string; collectionLevel: string; collectionLevelWithoutDistricts: string | null; owner: string }[];
}
type RawFigures = { total: number | null; male: number | null; female: number | null; withheld: boolean; suppressed: boolean; approximate: boolean };
interface RawTarget {
  id: string;
  indicatorCode: string;
  areaCode: string;
  period: string;
  sex: string | null;
  targetValue: number;
  comparison: string;
  baselineValue: number | null;
  baselinePeriod: string | null;
  responsibleAgency: string | null;
  leadAgency: { code: string; name: string; nameVi: string } | null;
  plan: { id: string };
  actual: RawFigures | null;
  progress: { status: string; value: number | null; gap: number | null; approximate: boolean } | null;
}
interface RawCases {
  suppressionThreshold: number | null;
  total: { count: number | null; suppressed: boolean };
  bySex: { sex: string; count: number | null; suppressed: boolean }[];
  byAgeGroup: { ageGroup: string; count: number | null; suppressed: boolean }[];
  byForm: { form: string; count: number | null; suppressed: boolean }[];
  byService: { service: string; count: number | null; suppressed: boolean }[];
}
interface RawArea {
  code: string;
  hierarchy: string;
  level: string;
  name: string;
  fullName: string;
  fullNameEn: string;
  children: { level: string }[];
  plans: {
    id: string;
    title: string;
    titleEn: string | null;
    type: string;
    startYear: number;
    endYear: number;
    documentNumber: string | null;
    status: string;
  }[];
  targets: RawTarget[];
  indicatorValues: ({ indicator: { code: string }; period: string } & RawFigures)[];
  communicationStatistics: {
    activities: number;
    reached: { male: number; female: number; total: number };
    byKind: { kind: string; activities: number; reached: { male: number; female: number; total: number } }[];
  };
  campaigns: { code: string; name: string; nameEn: string | null; theme: string | null; startDate: string; endDate: string }[];
}

/** The version the year is reported in: the one in force at its end, or the latest earlier one that has the area. */
async function versionFor(execute: Execute, catalogue: Catalogue, request: ReportRequest): Promise<string> {
  const ordered = [...catalogue.hierarchies].sort((a, b) => (a.validFrom ?? "").localeCompare(b.validFrom ?? ""));
  if (request.hierarchy) {
    if (!ordered.some((h) => h.code === request.hierarchy))
      throw new BadUserInputError(`unknown hierarchy version "${request.hierarchy}"`, { field: "hierarchy" });
    return request.hierarchy;
  }
  const yearEnd = `${request.year}-12-31`;
  const candidates = ordered.filter((h) => (h.validFrom ?? "") <= yearEnd).reverse();
  if (candidates.length === 0) candidates.push(ordered[0]);
  const found = await run<Record<string, { code: string } | null>>(execute, areaInVersions(candidates.map((c) => c.code)), { area: request.areaCode });
  const index = candidates.findIndex((_, i) => found[`v${i}`]);
  if (index < 0) throw new NotFoundError(`no area with code "${request.areaCode}" in ${request.year}`, { field: "area" });
  return candidates[index].code;
}

export async function buildYearlyReport(execute: Execute, request: ReportRequest): Promise<YearlyReport> {
  const labels = REPORT_LABELS[request.language];
  const en = request.language === "en";
  const catalogue = await run<Catalogue>(execute, CATALOGUE, {});
  const hierarchy = await versionFor(execute, catalogue, request);
  const indicatorsByCode = new Map(catalogue.indicators.map((i) => [i.code, i]));
  const info = (code: string): IndicatorInfo => {
    const indicator = indicatorsByCode.get(code);
    return {
      code,
      name: indicator ? (en ? indicator.name : indicator.nameVi) : code,
      unit: indicator ? (labels.units[indicator.unit] ?? indicator.unit) : "",
      decimals: indicator?.decimals ?? 1,
    };
  };
  const year = String(request.year);
  const previous = String(request.year - 1);
  const { area } = await run<{ area: RawArea | null }>(execute, REPORT, {
    area: request.areaCode,
    hierarchy,
    year,
    previous,
    indicators: catalogue.indicators.map((i) => i.code),
  });
  if (!area) throw new NotFoundError(`no area with code "${request.areaCode}" in hierarchy ${hierarchy}`, { field: "area" });
  const areaName = en ? area.fullNameEn : area.fullName;
  const plansById = new Map(area.plans.map((p) => [p.id, p]));
  const planTitle = (id: string) => {
    const plan = plansById.get(id);
    return plan ? (en && plan.titleEn ? plan.titleEn : plan.title) : "";
  };

  // Targets of the plans in force, by objective; the other indicators the area has figures for, beside the year before.
  // The area's own targets (a province's plan may also set targets for the areas beneath it: those are theirs).
  const ownTargets = area.targets.filter((t) => t.areaCode === area.code);
  const targetRows = ownTargets.map(
    (t): TargetRow => ({
      indicator: info(t.indicatorCode),
      sex: t.sex,
      baseline: t.baselineValue,
      baselinePeriod: t.baselinePeriod,
      target: t.targetValue,
      comparison: t.comparison,
      actual: sexFigures(t.actual),
      status: t.progress?.status ?? "NO_DATA",
      gap: t.progress?.gap ?? null,
      agency: t.leadAgency ? (en ? t.leadAgency.name : t.leadAgency.nameVi) : t.responsibleAgency,
      plan: planTitle(t.plan.id),
    }),
  );
  const targeted = new Set(ownTargets.map((t) => t.indicatorCode));
  const valuesOf = (code: string, period: string) => area.indicatorValues.find((v) => v.indicator.code === code && v.period === period) ?? null;
  const indicatorRows = catalogue.indicators
    .filter((i) => !targeted.has(i.code))
    .map((i) => ({ indicator: info(i.code), previous: sexFigures(valuesOf(i.code, previous)), current: sexFigures(valuesOf(i.code, year)) }))
    .filter((row) => hasData(row.previous) || hasData(row.current));

  const stats = area.communicationStatistics;
  const count = (label: string, c: { count: number | null; suppressed: boolean }): CaseCount => ({
    label,
    count: c.suppressed ? null : c.count,
    suppressed: c.suppressed,
  });
  const cases = await caseStatistics(execute, { area: area.code, hierarchy, year });

  const report: YearlyReport = {
    language: request.language,
    year: request.year,
    area: { code: area.code, hierarchy: area.hierarchy, level: area.level, name: areaName, fullName: areaName },
    heading: heading(area, areaName, request),
    plans: area.plans
      .filter((p) => p.startYear <= request.year && request.year <= p.endYear)
      .map((p) => ({
        title: en && p.titleEn ? p.titleEn : p.title,
        type: labels.planTypes[p.type] ?? p.type,
        years: p.startYear === p.endYear ? String(p.startYear) : `${p.startYear}-${p.endYear}`,
        documentNumber: p.documentNumber,
      })),
    targets: byObjective(targetRows, en),
    indicators: byObjective(indicatorRows, en),
    communication: {
      activities: stats.activities,
      reached: stats.reached,
      byKind: stats.byKind.map((k) => ({ kind: labels.activityKinds[k.kind] ?? k.kind, activities: k.activities, ...k.reached })),
      campaigns: area.campaigns
        .filter((c) => c.startDate.slice(0, 4) <= year && c.endDate.slice(0, 4) >= year)
        .map((c) => ({ name: en && c.nameEn ? c.nameEn : c.name, dates: `${vnDate(c.startDate)} - ${vnDate(c.endDate)}`, theme: c.theme })),
    },
    violence:
      "unavailable" in cases
        ? { threshold: null, total: null, groups: [], unavailable: cases.unavailable }
        : {
            threshold: cases.suppressionThreshold,
            total: count(labels.columns.total, cases.total),
            groups: [
              { title: labels.notes.bySex, counts: cases.bySex.map((c) => count(labels.sex[c.sex] ?? c.sex, c)) },
              { title: labels.notes.byAgeGroup, counts: cases.byAgeGroup.map((c) => count(labels.ageGroups[c.ageGroup] ?? c.ageGroup, c)) },
              { title: labels.notes.byForm, counts: cases.byForm.map((c) => count(labels.violenceForms[c.form] ?? c.form, c)) },
              { title: labels.notes.byService, counts: cases.byService.map((c) => count(labels.services[c.service] ?? c.service, c)) },
            ],
            unavailable: null,
          },
    dataQuality: {
      ...(await reporting(execute, catalogue, area, year, en, labels.levels)),
      approximate: [
        ...new Set([
          ...ownTargets.filter((t) => t.actual?.approximate || t.progress?.approximate).map((t) => info(t.indicatorCode).name),
          ...area.indicatorValues.filter((v) => v.approximate).map((v) => `${info(v.indicator.code).name} (${v.period})`),
        ]),
      ],
      withheld: [
        ...new Set([
          ...ownTargets.filter((t) => t.actual?.withheld).map((t) => info(t.indicatorCode).name),
          ...area.indicatorValues.filter((v) => v.withheld).map((v) => `${info(v.indicator.code).name} (${v.period})`),
        ]),
      ],
    },
    review: REVIEW_YEARS.has(request.year) ? await review(execute, area, hierarchy, request.year, info, planTitle) : null,
  };
  return report;
}

function heading(area: RawArea, areaName: string, request: ReportRequest): YearlyReport["heading"] {
  const labels = REPORT_LABELS[request.language];
  const en = request.language === "en";
  const committee = area.level === "NATION" ? null : labels.peoplesCommittee(areaName);
  const agency = request.agency ? (en ? request.agency.name : request.agency.nameVi).toLocaleUpperCase(request.language) : null;
  const reviewTitle = (definition.reviewTitle as Record<string, { vi: string; en: string }>)[String(request.year)];
  const title = reviewTitle ? reviewTitle[request.language] : definition.title[request.language].replace("{year}", String(request.year));
  return {
    superior: agency ? committee : null,
    issuingBody: agency ?? committee ?? labels.nation.toLocaleUpperCase(request.language),
    motto: labels.motto,
    numberLine: labels.numberLine,
    placeDateLine: labels.placeDate(area.level === "NATION" ? (en ? "Ha Noi" : "Hà Nội") : area.name, request.year),
    title,
  };
}

function figure(value: number | null | undefined, raw: RawFigures | null): Figure {
  if (!raw) return { value: null, mark: null, approximate: false };
  const mark = raw.withheld ? "withheld" : raw.suppressed ? "suppressed" : null;
  return { value: mark ? null : (value ?? null), mark, approximate: raw.approximate };
}
const sexFigures = (raw: RawFigures | null): SexFigures => ({ total: figure(raw?.total, raw), male: figure(raw?.male, raw), female: figure(raw?.female, raw) });
const hasData = (f: SexFigures) => f.total.value !== null || f.male.value !== null || f.female.value !== null || f.total.mark !== null;

/** Rows under the Strategy's objectives, in the definition's order; indicators of none under the local group. */
function byObjective<Row extends { indicator: IndicatorInfo }>(rows: readonly Row[], en: boolean): ObjectiveGroup<Row>[] {
  const groups = definition.objectives.map((o) => ({ code: o.code, name: en ? o.name : o.nameVi, indicators: o.indicators, rows: [] as Row[] }));
  const local = {
    code: definition.localObjective.code,
    name: en ? definition.localObjective.name : definition.localObjective.nameVi,
    indicators: [],
    rows: [] as Row[],
  };
  for (const row of rows) (groups.find((g) => g.indicators.includes(row.indicator.code)) ?? local).rows.push(row);
  for (const group of groups) group.rows.sort((a, b) => group.indicators.indexOf(a.indicator.code) - group.indicators.indexOf(b.indicator.code));
  return [...groups, local].filter((g) => g.rows.length > 0).map(({ code, name, rows: grouped }) => ({ code, name, rows: grouped }));
}

/**
 * A section's operation, or why this area has none for the year (a year is counted on one hierarchy version's areas:
 * Kon Tum's 2025 cases and reporting belong to the province it went into).
 */
async function section<T>(execute: Execute, document: string, variables: Record<string, unknown>): Promise<T | { unavailable: string }> {
  const answer = await execute(document, variables);
  const error = answer.errors?.[0];
  if (error?.extensions?.code === "BAD_USER_INPUT" || error?.extensions?.code === "NOT_FOUND") return { unavailable: error.message };
  return run<T>(async () => answer, document, variables);
}

async function caseStatistics(execute: Execute, variables: Record<string, unknown>): Promise<RawCases | { unavailable: string }> {
  const answer = await section<{ area: { caseStatistics: RawCases } }>(execute, CASES, variables);
  return "unavailable" in answer ? answer : answer.area.caseStatistics;
}

const LEVEL_DEPTH: Record<string, number> = { NATION: 0, PROVINCE: 1, DISTRICT: 2, COMMUNE: 3 };

/** Completeness and timeliness of every national or own data set collected beneath the area. */
async function reporting(execute: Execute, catalogue: Catalogue, area: RawArea, year: string, en: boolean, levels: Record<string, string>) {
  const withoutDistricts = area.level === "PROVINCE" && area.children[0]?.level === "COMMUNE";
  const sets = catalogue.dataSets
    .filter((s) => s.owner === "VN" || s.owner === area.code)
    .map((s) => ({ ...s, level: withoutDistricts && s.collectionLevel === "DISTRICT" ? (s.collectionLevelWithoutDistricts ?? "COMMUNE") : s.collectionLevel }))
    .filter((s) => LEVEL_DEPTH[s.level] > LEVEL_DEPTH[area.level]);
  if (sets.length === 0) return { rows: [], unavailable: null };
  const answer = await section<Record<string, { deadline: string | null; expected: number; received: number; onTime: number; late: number; missing: number }>>(
    execute,
    reportingStatus(sets),
    { area: area.code, year },
  );
  if ("unavailable" in answer) return { rows: [], unavailable: answer.unavailable as string };
  const rows = sets.map((set, i) => {
    const { deadline, expected, received, onTime, late, missing } = answer[`s${i}`];
    return {
      dataSet: en ? set.name : set.nameVi,
      level: levels[set.level] ?? set.level,
      deadline: deadline && vietnamDay(deadline),
      expected,
      received,
      onTime,
      late,
      missing,
    };
  });
  return { rows, unavailable: null };
}

/** In 2025 and 2030: the 5-year (or strategy) plan's targets at each year it has run. */
async function review(
  execute: Execute,
  area: RawArea,
  hierarchy: string,
  year: number,
  info: (code: string) => IndicatorInfo,
  planTitle: (id: string) => string,
): Promise<YearlyReport["review"]> {
  const plan = area.plans.filter((p) => p.type !== "YEARLY" && p.startYear <= year && year <= p.endYear).sort((a, b) => b.startYear - a.startYear)[0];
  if (!plan) return null;
  const years = Array.from({ length: year - plan.startYear + 1 }, (_, i) => plan.startYear + i);
  const answer = await run<{ area: Record<string, RawTarget[]> }>(execute, targetsByYear(years), { area: area.code, hierarchy });
  // A target's id carries the year it is assessed at: the same target is recognised by what it asks.
  const rows = new Map<string, NonNullable<YearlyReport["review"]>["rows"][number]>();
  for (const y of years) {
    for (const target of answer.area[`y${y}`].filter((t) => t.plan.id === plan.id && t.areaCode === area.code)) {
      const key = [target.indicatorCode, target.sex, target.period, target.targetValue, target.comparison].join("|");
      const row = rows.get(key) ?? {
        indicator: info(target.indicatorCode),
        sex: target.sex,
        target: target.targetValue,
        comparison: target.comparison,
        byYear: [],
      };
      row.byYear.push({ year: y, value: target.progress?.value ?? null, status: target.progress?.status ?? "NO_DATA" });
      rows.set(key, row);
    }
  }
  return { plan: planTitle(plan.id), years, rows: [...rows.values()] };
}

/** The day in Vietnam (UTC+7) an end-of-day instant closes, as dd/mm/yyyy. */
const vietnamDay = (instant: string) => vnDate(new Date(Date.parse(instant) + 7 * 3_600_000 - 1).toISOString());
const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
