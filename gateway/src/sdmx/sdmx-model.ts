// The SDMX model of the system's figures (docs/decisions/0111-sdmx-export.md): one dataflow per hierarchy version,
// since a reference area is a GSO code within one version; dimensions REF_AREA.INDICATOR.SEX and TIME_PERIOD; measure
// OBS_VALUE; observation attributes for the unit, the value's status, its confidentiality and the reform's apportioning.

export const AGENCY = "VNGE";
export const ARTEFACT_VERSION = "1.0";
/** The flow of the hierarchy version in force today; each version's own flow is `${CURRENT_FLOW}_<version>`. */
export const CURRENT_FLOW = "GENDER_EQUALITY";
export const CONCEPT_SCHEME = "CS_GENDER_EQUALITY";

export const flowId = (hierarchy: string) => `${CURRENT_FLOW}_${hierarchy}`;
export const structureId = (hierarchy: string) => `DSD_${CURRENT_FLOW}_${hierarchy}`;
export const areaCodelistId = (hierarchy: string) => `CL_AREA_${hierarchy}`;
/** AGENCY:ID(VERSION), as SDMX-CSV names a structure. */
export const artefactRef = (id: string) => `${AGENCY}:${id}(${ARTEFACT_VERSION})`;

/**
 * An indicator's code as an SDMX id: a province's own indicators are "62.CODE", and SDMX ids have no dots, so the dot
 * becomes a hyphen (codes never hold one: catalogue.input.ts), and back.
 */
export const sdmxIndicatorId = (code: string) => code.replace(".", "-");
export const indicatorCodeOf = (id: string) => id.replace("-", ".");

export type Language = "vi" | "en";
export interface Label {
  vi: string;
  en: string;
}

export interface Code {
  id: string;
  name: Label;
  parent?: string;
}

export interface Component {
  id: string;
  name: Label;
  /** The codelist of a coded component; none for the measure and the time dimension. */
  codelist?: string;
}

export const DIMENSIONS: readonly Component[] = [
  { id: "REF_AREA", name: { en: "Reference area", vi: "Địa bàn" } },
  { id: "INDICATOR", name: { en: "Indicator", vi: "Chỉ tiêu" }, codelist: "CL_INDICATOR" },
  { id: "SEX", name: { en: "Sex", vi: "Giới tính" }, codelist: "CL_SEX" },
];
export const TIME_DIMENSION: Component = { id: "TIME_PERIOD", name: { en: "Time period", vi: "Kỳ" } };
export const MEASURE: Component = { id: "OBS_VALUE", name: { en: "Observation value", vi: "Giá trị" } };

/** Observation attributes, in the order observations carry them. */
export const ATTRIBUTES: readonly Component[] = [
  { id: "UNIT_MEASURE", name: { en: "Unit of measure", vi: "Đơn vị tính" }, codelist: "CL_UNIT_MEASURE" },
  { id: "UNIT_MULT", name: { en: "Unit multiplier", vi: "Hệ số nhân" }, codelist: "CL_UNIT_MULT" },
  { id: "OBS_STATUS", name: { en: "Observation status", vi: "Tình trạng số liệu" }, codelist: "CL_OBS_STATUS" },
  { id: "CONF_STATUS", name: { en: "Confidentiality status", vi: "Tình trạng bảo mật" }, codelist: "CL_CONF_STATUS" },
  { id: "APPROXIMATE", name: { en: "Apportioned across the 2025 reform", vi: "Ước tính qua sắp xếp đơn vị hành chính" }, codelist: "CL_APPROXIMATE" },
];

export type SexCode = "F" | "M" | "_T";

/** Codelists that do not depend on what the system holds. */
export const FIXED_CODELISTS: Record<string, { name: Label; codes: Code[] }> = {
  CL_SEX: {
    name: { en: "Sex", vi: "Giới tính" },
    codes: [
      { id: "F", name: { en: "Female", vi: "Nữ" } },
      { id: "M", name: { en: "Male", vi: "Nam" } },
      { id: "_T", name: { en: "Total", vi: "Tổng số" } },
    ],
  },
  CL_UNIT_MEASURE: {
    name: { en: "Unit of measure", vi: "Đơn vị tính" },
    codes: [
      { id: "PERCENT", name: { en: "Percent", vi: "Phần trăm" } },
      { id: "PER_100000", name: { en: "Per 100,000", vi: "Trên 100.000" } },
      { id: "BOYS_PER_100_GIRLS", name: { en: "Boys per 100 girls", vi: "Số bé trai trên 100 bé gái" } },
      { id: "TIMES", name: { en: "Times", vi: "Lần" } },
      { id: "COUNT", name: { en: "Count", vi: "Số lượng" } },
      { id: "YES_NO", name: { en: "Yes (1) or no (0)", vi: "Có (1) hoặc không (0)" } },
    ],
  },
  CL_UNIT_MULT: { name: { en: "Unit multiplier", vi: "Hệ số nhân" }, codes: [{ id: "0", name: { en: "Units", vi: "Đơn vị" } }] },
  CL_OBS_STATUS: {
    name: { en: "Observation status", vi: "Tình trạng số liệu" },
    codes: [
      { id: "A", name: { en: "Normal value", vi: "Số liệu chính thức" } },
      { id: "P", name: { en: "Provisional value", vi: "Số liệu sơ bộ" } },
      { id: "E", name: { en: "Estimated value", vi: "Số liệu ước tính" } },
    ],
  },
  CL_CONF_STATUS: {
    name: { en: "Confidentiality status", vi: "Tình trạng bảo mật" },
    codes: [
      { id: "F", name: { en: "Free", vi: "Công khai" } },
      { id: "C", name: { en: "Confidential: not for publication", vi: "Không công bố" } },
    ],
  },
  CL_APPROXIMATE: {
    name: { en: "Apportioned", vi: "Ước tính phân bổ" },
    codes: [
      { id: "N", name: { en: "Exact", vi: "Chính xác" } },
      { id: "Y", name: { en: "Partly apportioned between units of a split", vi: "Một phần được phân bổ giữa các đơn vị bị chia tách" } },
    ],
  },
};

/** The status of a stored value as SDMX's OBS_STATUS. */
export const OBS_STATUS_OF: Record<string, string> = { FINAL: "A", PROVISIONAL: "P", ESTIMATED: "E" };

/** One cell of the answer, as the caller may see it. */
export interface Observation {
  area: string;
  indicator: string;
  sex: SexCode;
  /** SDMX period, e.g. "2023". */
  period: string;
  /** Null when withheld or suppressed (then confidential). */
  value: number | null;
  unit: string;
  status: string | null;
  confidential: boolean;
  approximate: boolean;
}

/** The names of what an answer's codes stand for, for labels and SDMX-JSON's structure. */
export interface Names {
  area(code: string): Label | undefined;
  indicator(code: string): Label | undefined;
}
