// The GraphQL the yearly report is built from: ordinary operations on the supergraph, run as the caller, so every
// access rule (areas, roles, partners' approved data only, suppression of case figures) applies exactly as to a query.

export const CATALOGUE = `query YearlyReportCatalogue {
  hierarchies { code validFrom }
  indicators { code name nameVi unit decimals owner }
  dataSets { code name nameVi collectionLevel collectionLevelWithoutDistricts owner }
}`;

/** One alias per candidate version: the area as it stood in each. */
export const areaInVersions = (versions: readonly string[]) =>
  `query YearlyReportArea($area: ID!) { ${versions.map((v, i) => `v${i}: area(code: $area, hierarchy: ${JSON.stringify(v)}) { code }`).join(" ")} }`;

const FIGURES = "total male female withheld suppressed approximate";
export const TARGET_FIELDS = `id indicatorCode areaCode period sex targetValue comparison baselineValue baselinePeriod responsibleAgency
  leadAgency { code name nameVi } plan { id }
  actual { ${FIGURES} } progress { status value expected gap approximate }`;

export const REPORT = `query YearlyReport($area: ID!, $hierarchy: String!, $year: String!, $previous: String!, $indicators: [ID!]!) {
  area(code: $area, hierarchy: $hierarchy) {
    code hierarchy level name fullName fullNameEn
    children(first: 1) { level }
    plans { id title titleEn type startYear endYear documentNumber documentDate status }
    targets(period: $year) { ${TARGET_FIELDS} }
    indicatorValues(periods: [$previous, $year], indicatorCodes: $indicators) { indicator { code } period ${FIGURES} completeness }
    communicationStatistics(period: $year) {
      activities reached { male female total } trainingParticipants { male female total } officialsTrained { male female total }
      byKind { kind activities reached { male female total } }
    }
    campaigns { code name nameEn theme startDate endDate }
  }
}`;

/** Case statistics apart: a year is counted in one hierarchy version only, so an area of another has none. */
export const CASES = `query YearlyReportCases($area: ID!, $hierarchy: String!, $year: String!) {
  area(code: $area, hierarchy: $hierarchy) {
    caseStatistics(period: $year) {
      suppressionThreshold
      total { count suppressed }
      bySex { sex count suppressed }
      byAgeGroup { ageGroup count suppressed }
      byForm { form count suppressed }
      byService { service count suppressed }
    }
  }
}`;

/** The reporting status of each data set beneath the area, one alias each. */
export const reportingStatus = (sets: readonly { code: string; level: string }[]) =>
  `query YearlyReportReporting($area: ID!, $year: String!) { ${sets
    .map(
      (set, i) =>
        `s${i}: reportingStatus(dataSetCode: ${JSON.stringify(set.code)}, period: $year, parentCode: $area, level: ${set.level}) { dataSetCode level deadline expected received onTime late missing }`,
    )
    .join(" ")} }`;

/** A 5-year plan's targets assessed at each of its years so far, one alias per year. */
export const targetsByYear = (years: readonly number[]) =>
  `query YearlyReportReview($area: ID!, $hierarchy: String!) { area(code: $area, hierarchy: $hierarchy) { ${years
    .map((year) => `y${year}: targets(period: "${year}") { ${TARGET_FIELDS} }`)
    .join(" ")} } }`;
