// The dashboard: an indicator by area for the level beneath an area (male, female, total and the gap), a drill-down
// by clicking an area, the indicator across years at the area, and its plans' targets with those off track beneath.
import { useEffect, useState } from "preact/hooks";
import { type Claims, useQuery } from "./api";
import { AreaBars, YearLine } from "./charts";
import { useLabels } from "./i18n";
import { ErrorMessage, Section, ShowGraphQL } from "./ui";

const META = `query DashboardMeta {
  indicators { code name nameVi unit decimals }
  hierarchies { code name validFrom validTo }
}`;

const AREA = `query DashboardArea($code: ID!, $hierarchy: String) {
  area(code: $code, hierarchy: $hierarchy) {
    code name nameEn level hierarchy
    parent { code name nameEn }
    children(first: 1) { level }
  }
}`;

const ROLLUP = `query DashboardRollup($indicator: ID!, $period: String!, $parentCode: ID!, $level: AreaLevel!, $hierarchy: String) {
  rollup(indicatorCodes: [$indicator], periods: [$period], parentCode: $parentCode, level: $level, hierarchy: $hierarchy) {
    id hierarchy sourceHierarchy total male female femaleToMaleRatio completeness approximate withheld suppressed
    area { code name nameEn }
  }
}`;

const SERIES = `query DashboardSeries($indicator: ID!, $periods: [String!]!, $areaCode: ID!, $hierarchy: String) {
  rollup(indicatorCodes: [$indicator], periods: $periods, parentCode: $areaCode, hierarchy: $hierarchy) {
    id period total male female approximate withheld
  }
}`;

const TARGETS = `query DashboardTargets($areaCode: ID!, $hierarchy: String, $period: String!) {
  area(code: $areaCode, hierarchy: $hierarchy) {
    targets(period: $period) {
      id targetValue comparison sex
      indicator { code name nameVi decimals }
      actual { total approximate }
      progress { status gap approximate }
    }
  }
}`;

// Apart from the area's own targets: it names areas of the version in force, and may refuse what the other allows.
const OFF_TRACK = `query DashboardOffTrack($areaCode: ID!, $period: String!, $level: AreaLevel) {
  targetsOffTrack(parentCode: $areaCode, level: $level, period: $period) {
    targets {
      id targetValue comparison
      area { code name nameEn }
      indicator { code name nameVi decimals }
      progress { status value gap }
    }
  }
}`;

interface Indicator {
  code: string;
  name: string;
  nameVi: string;
  decimals: number;
  unit: string;
}
interface Hierarchy {
  code: string;
  name: string;
  validFrom: string | null;
  validTo: string | null;
}
interface AreaName {
  code: string;
  name: string;
  nameEn: string;
}
interface AreaInfo extends AreaName {
  level: string;
  hierarchy: string;
  parent: AreaName | null;
  children: { level: string }[];
}
interface Value {
  id: string;
  hierarchy: string;
  sourceHierarchy: string;
  total: number | null;
  male: number | null;
  female: number | null;
  femaleToMaleRatio: number | null;
  completeness: number | null;
  approximate: boolean;
  withheld: boolean;
  suppressed: boolean;
  area: AreaName;
}
interface Progress {
  status: string;
  gap: number | null;
  value?: number | null;
  approximate?: boolean;
}
interface TargetRow {
  id: string;
  targetValue: number;
  comparison: string;
  sex?: string | null;
  area?: AreaName;
  indicator: { code: string; name: string; nameVi: string; decimals: number } | null;
  actual?: { total: number | null; approximate: boolean } | null;
  progress: Progress | null;
}

const THIS_YEAR = new Date().getFullYear();
/** Years offered: the Strategy's span up to this year (rollup takes at most 20 periods). */
const YEARS = Array.from({ length: THIS_YEAR - 2019 + 1 }, (_, i) => String(2019 + i));
/** Live births: counted by sex, so the first view shows male, female and the gap. */
const DEFAULT_INDICATOR = "LIVE_BIRTHS";

export function Dashboard({ claims }: { claims: Claims }) {
  const { t, lang, number } = useLabels();
  const [areaCode, setAreaCode] = useState(claims.areas[0] ?? "VN");
  const [indicatorCode, setIndicatorCode] = useState<string | null>(null);
  const [year, setYear] = useState(String(THIS_YEAR - 1));
  const [hierarchy, setHierarchy] = useState<string | null>(null);

  const meta = useQuery<{ indicators: Indicator[]; hierarchies: Hierarchy[] }>(META, {});
  const area = useQuery<{ area: AreaInfo | null }>(AREA, { code: areaCode, ...(hierarchy ? { hierarchy } : {}) });
  const indicators = meta.data?.indicators ?? [];
  const indicator = indicators.find((i) => i.code === indicatorCode) ?? indicators.find((i) => i.code === DEFAULT_INDICATOR) ?? indicators[0];
  const info = area.data?.area ?? null;
  const childLevel = info?.children[0]?.level ?? null;
  const version = hierarchy ?? info?.hierarchy ?? null;
  const ready = indicator && info && version;

  const rollup = useQuery<{ rollup: Value[] }>(ready && childLevel ? ROLLUP : null, {
    indicator: indicator?.code,
    period: year,
    parentCode: info?.code,
    level: childLevel,
    hierarchy: version,
  });
  const series = useQuery<{ rollup: (Value & { period: string })[] }>(ready ? SERIES : null, {
    indicator: indicator?.code,
    periods: YEARS,
    areaCode: info?.code,
    hierarchy: version,
  });
  const targets = useQuery<{ area: { targets: TargetRow[] } | null }>(ready ? TARGETS : null, { areaCode: info?.code, hierarchy: version, period: year });
  const offTrack = useQuery<{ targetsOffTrack: { targets: TargetRow[] } }>(ready && childLevel ? OFF_TRACK : null, {
    areaCode: info?.code,
    period: year,
    level: childLevel,
  });

  const areaName = (a: AreaName) => (lang === "vi" ? a.name : a.nameEn);
  const indicatorName = (i: { name: string; nameVi: string }) => (lang === "vi" ? i.nameVi : i.name);
  const decimals = indicator?.decimals ?? 1;
  const values = rollup.data?.rollup ?? [];
  const hidden = (v: Value) => v.withheld || v.suppressed;
  const place = info ? (info.level === "NATION" ? t.levels.NATION : areaName(info)) : "";
  const versionInfo = meta.data?.hierarchies.find((h) => h.code === version);
  const carried = values.some((v) => v.sourceHierarchy !== v.hierarchy);
  const firstViewReady = rollup.data !== undefined || (info !== null && childLevel === null);
  useEffect(() => {
    // The moment the first figures are on screen, read by the browser test and the benchmarks.
    if (firstViewReady && performance.getEntriesByName("vnge:first-view").length === 0) performance.mark("vnge:first-view");
  }, [firstViewReady]);

  return (
    <main id="main" data-ready={firstViewReady ? "true" : undefined}>
      <h1>
        {t.dashboard.heading}: {place}
      </h1>
      <ErrorMessage error={meta.error ?? area.error} />
      {area.data && !info && (
        <p class="error" role="alert">
          {t.dashboard.noArea(areaCode, hierarchy ?? "")}{" "}
          <button type="button" class="link" onClick={() => setAreaCode("VN")}>
            {t.levels.NATION}
          </button>
        </p>
      )}
      <form class="controls card" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label for="indicator">{t.dashboard.indicator}</label>
          <select id="indicator" value={indicator?.code} onChange={(e) => setIndicatorCode(e.currentTarget.value)}>
            {indicators.map((i) => (
              <option key={i.code} value={i.code}>
                {indicatorName(i)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="year">{t.dashboard.year}</label>
          <select id="year" value={year} onChange={(e) => setYear(e.currentTarget.value)}>
            {YEARS.map((y) => (
              <option key={y}>{y}</option>
            ))}
          </select>
        </div>
        <div>
          <label for="hierarchy">{t.dashboard.hierarchy}</label>
          <select id="hierarchy" value={version ?? ""} onChange={(e) => setHierarchy(e.currentTarget.value)}>
            {(meta.data?.hierarchies ?? []).map((h) => (
              <option key={h.code} value={h.code}>
                {h.code} · {h.name}
              </option>
            ))}
          </select>
        </div>
      </form>

      <Section title={`${indicator ? indicatorName(indicator) : ""} · ${year}`} id="by-area">
        <nav aria-label={t.dashboard.area} class="crumbs">
          {info?.parent && (
            <button type="button" class="link" onClick={() => setAreaCode(info.parent!.code)}>
              ↑ {t.dashboard.up} {info.parent.code === "VN" ? t.levels.NATION : areaName(info.parent)}
            </button>
          )}
        </nav>
        <p class="muted" id="version">
          {t.dashboard.shownOn} <strong>{version}</strong>
          {versionInfo ? ` (${versionInfo.name})` : ""}
          {carried ? `; ${t.dashboard.carried}` : ""}
        </p>
        <ErrorMessage error={rollup.error} />
        {childLevel && values.length > 0 && (
          <>
            <AreaBars
              names={values.map((v) => areaName(v.area))}
              male={values.map((v) => v.male)}
              female={values.map((v) => v.female)}
              total={values.map((v) => v.total)}
              labels={{ male: t.dashboard.male, female: t.dashboard.female, total: t.dashboard.total }}
              label={t.dashboard.chartLabel(indicator ? indicatorName(indicator) : "", place)}
              format={(v) => number(v, Number.isInteger(v) ? 0 : decimals)}
            />
            <div class="scroll">
              <table id="by-area-table">
                <caption>
                  {indicator ? indicatorName(indicator) : ""}, {year} · {t.levels[childLevel] ?? childLevel}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t.dashboard.area}</th>
                    <th scope="col" class="num">
                      {t.dashboard.male}
                    </th>
                    <th scope="col" class="num">
                      {t.dashboard.female}
                    </th>
                    <th scope="col" class="num">
                      {t.dashboard.total}
                    </th>
                    <th scope="col" class="num">
                      {t.dashboard.gap}
                    </th>
                    <th scope="col" class="num">
                      {t.dashboard.ratio}
                    </th>
                    <th scope="col" class="num">
                      {t.dashboard.completeness}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {values.map((v) => {
                    const gap = v.female !== null && v.male !== null ? v.female - v.male : null;
                    return (
                      <tr key={v.id} data-area={v.area.code}>
                        <th scope="row">
                          {/* A commune opens on its own: its years and targets. */}
                          <button type="button" class="link" onClick={() => setAreaCode(v.area.code)} title={`${t.dashboard.drill} ${areaName(v.area)}`}>
                            {areaName(v.area)}
                          </button>
                          {v.approximate && (
                            <abbr class="approx" title={t.dashboard.approximate}>
                              {" "}
                              ≈
                            </abbr>
                          )}
                        </th>
                        {hidden(v) ? (
                          <td colSpan={6} class="muted">
                            {t.dashboard.withheld}
                          </td>
                        ) : (
                          <>
                            <td class="num" data-field="male">
                              {number(v.male, decimals)}
                            </td>
                            <td class="num" data-field="female">
                              {number(v.female, decimals)}
                            </td>
                            <td class="num" data-field="total">
                              {number(v.total, decimals)}
                            </td>
                            <td class={`num ${gap !== null && gap < 0 ? "neg" : "pos"}`} data-field="gap">
                              {gap === null ? "–" : `${gap > 0 ? "+" : ""}${number(gap, decimals)}`}
                              {gap !== null && (
                                <span
                                  class="gapbar"
                                  style={{
                                    width: `${Math.min(40, Math.abs(gap) * (40 / Math.max(1, ...values.map((x) => Math.abs((x.female ?? 0) - (x.male ?? 0))))))}px`,
                                  }}
                                />
                              )}
                            </td>
                            <td class="num" data-field="ratio">
                              {number(v.femaleToMaleRatio, 2)}
                            </td>
                            <td class="num">{v.completeness === null ? "–" : `${number(v.completeness * 100, 0)} %`}</td>
                          </>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {values.some((v) => v.approximate) && <p class="muted">{t.dashboard.approximateNote}</p>}
          </>
        )}
        {(rollup.loading || area.loading) && !rollup.data && <p aria-live="polite">{t.loading}</p>}
        <ShowGraphQL sent={[meta.sent, area.sent, rollup.sent]} />
      </Section>

      <Section title={`${t.dashboard.series}: ${place}`} id="series">
        <ErrorMessage error={series.error} />
        {series.data && indicator && (
          <SeriesView rows={series.data.rollup} decimals={decimals} label={t.dashboard.seriesLabel(indicatorName(indicator), place)} />
        )}
        <ShowGraphQL sent={[series.sent]} />
      </Section>

      <Section title={t.dashboard.targets} id="targets">
        <ErrorMessage error={targets.error} />
        {targets.data && <TargetTable caption={t.dashboard.targetsOf(place, year)} rows={targets.data.area?.targets ?? []} empty={t.dashboard.noTargets} />}
        <ErrorMessage error={offTrack.error} />
        {childLevel && offTrack.data && (
          <TargetTable caption={t.dashboard.offTrack(year)} rows={offTrack.data.targetsOffTrack.targets} empty={t.dashboard.noneOffTrack} withArea />
        )}
        <ShowGraphQL sent={[targets.sent, offTrack.sent]} />
      </Section>
    </main>
  );
}

function SeriesView({ rows, decimals, label }: { rows: (Value & { period: string })[]; decimals: number; label: string }) {
  const { t, number } = useLabels();
  const shown = rows.filter((r) => r.total !== null).sort((a, b) => a.period.localeCompare(b.period));
  if (shown.length === 0) return <p>{t.dashboard.noData}</p>;
  return (
    <>
      <YearLine
        years={shown.map((r) => Number(r.period))}
        total={shown.map((r) => r.total)}
        male={shown.map((r) => r.male)}
        female={shown.map((r) => r.female)}
        approximate={shown.map((r) => r.approximate)}
        labels={{ total: t.dashboard.total, male: t.dashboard.male, female: t.dashboard.female, approximate: t.dashboard.approximate }}
        format={(v) => number(v, Number.isInteger(v) ? 0 : decimals)}
        label={label}
      />
      <div class="scroll">
        <table id="series-table">
          <caption>{label}</caption>
          <thead>
            <tr>
              <th scope="col">{t.dashboard.year}</th>
              <th scope="col" class="num">
                {t.dashboard.male}
              </th>
              <th scope="col" class="num">
                {t.dashboard.female}
              </th>
              <th scope="col" class="num">
                {t.dashboard.total}
              </th>
              <th scope="col">{t.dashboard.approximate}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.period}</th>
                <td class="num">{number(r.male, decimals)}</td>
                <td class="num">{number(r.female, decimals)}</td>
                <td class="num">{number(r.total, decimals)}</td>
                <td>{r.approximate ? "≈" : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function TargetTable({ caption, rows, empty, withArea = false }: { caption: string; rows: TargetRow[]; empty: string; withArea?: boolean }) {
  const { t, lang, number } = useLabels();
  return (
    <div class="scroll">
      <table class="targets">
        <caption>{caption}</caption>
        {rows.length === 0 ? (
          <tbody>
            <tr>
              <td>{empty}</td>
            </tr>
          </tbody>
        ) : (
          <>
            <thead>
              <tr>
                {withArea && <th scope="col">{t.dashboard.area}</th>}
                <th scope="col">{t.dashboard.indicator}</th>
                <th scope="col" class="num">
                  {t.dashboard.target}
                </th>
                <th scope="col" class="num">
                  {t.dashboard.actual}
                </th>
                <th scope="col">{t.dashboard.status}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const decimals = row.indicator?.decimals ?? 1;
                const actual = row.actual?.total ?? row.progress?.value ?? null;
                const status = row.progress?.status ?? "NO_DATA";
                return (
                  <tr key={row.id}>
                    {withArea && <td>{row.area ? (lang === "vi" ? row.area.name : row.area.nameEn) : ""}</td>}
                    <td>{row.indicator ? (lang === "vi" ? row.indicator.nameVi : row.indicator.name) : "?"}</td>
                    <td class="num">
                      {t.comparison[row.comparison] ?? row.comparison} {number(row.targetValue, decimals)}
                    </td>
                    <td class="num">
                      {number(actual, decimals)}
                      {(row.actual?.approximate || row.progress?.approximate) && " ≈"}
                    </td>
                    <td>
                      <span class={`status status-${status}`}>{t.progress[status] ?? status}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </>
        )}
      </table>
    </div>
  );
}
