// What an SDMX REST request asks for, checked: the path (`/sdmx/data/{flow}/{key}`, `/sdmx/{structure type}/...` or
// SDMX 3's `/sdmx/structure/{type}/...`), the key (REF_AREA.INDICATOR.SEX, empty parts and `*` for every code, `+`
// between alternatives), the periods and the format (query parameter `format`, else the Accept header).
import { BadUserInputError, NotAcceptableError, NotFoundError } from "@vnge/shared";
import Negotiator from "negotiator";
import { AGENCY, ARTEFACT_VERSION, DIMENSIONS, type Language, type SexCode } from "./sdmx-model";

export const SDMX_PREFIX = "/sdmx/";

export const MEDIA = {
  csv: "application/vnd.sdmx.data+csv; version=2.0.0",
  json: "application/vnd.sdmx.data+json; version=2.0.0",
  structure: "application/vnd.sdmx.structure+json; version=2.0.0",
} as const;

/** The years a request may span: a rollup takes at most 20 periods, and pulls are cut into such chunks. */
const MAX_YEARS = 50;
/** Without startPeriod: the baseline years before the Strategy 2021-2030. */
export const DEFAULT_START_YEAR = 2015;

export interface DataKey {
  /** Null: every code. */
  areas: string[] | null;
  indicators: string[] | null;
  sexes: SexCode[] | null;
}

export interface DataRequest {
  kind: "data";
  /** The flow's id as asked: the current flow or a version's. */
  flow: string;
  key: DataKey;
  startYear: number | null;
  endYear: number | null;
  updatedAfter: Date | null;
  format: "csv" | "json";
  labels: "id" | "both";
  language: Language;
}

export const STRUCTURE_TYPES = ["dataflow", "datastructure", "codelist", "conceptscheme"] as const;
export type StructureType = (typeof STRUCTURE_TYPES)[number];

export interface StructureRequest {
  kind: "structure";
  type: StructureType;
  /** Null: every artefact of the type. */
  id: string | null;
  language: Language;
}

export function parseSdmxRequest(
  pathname: string,
  search: URLSearchParams,
  headers: { accept?: string; "accept-language"?: string },
): DataRequest | StructureRequest {
  const parts = pathname.slice(SDMX_PREFIX.length).split("/").filter(Boolean).map(decodeURIComponent);
  const language = languageOf(headers["accept-language"]);
  if (parts[0] === "data") return dataRequest(parts.slice(1), search, headers.accept, language);
  const structure = parts[0] === "structure" ? parts.slice(1) : parts;
  const type = structure[0] as StructureType;
  if (!STRUCTURE_TYPES.includes(type)) {
    throw new NotFoundError(`nothing at ${pathname}: SDMX is served at /sdmx/data/{flow}/{key} and /sdmx/{${STRUCTURE_TYPES.join("|")}}/${AGENCY}/{id}`);
  }
  const [, agency, id, version] = structure;
  checkAgencyAndVersion(agency, version);
  return { kind: "structure", type, id: id && id !== "all" && id !== "*" ? id : null, language };
}

function dataRequest(parts: string[], search: URLSearchParams, accept: string | undefined, language: Language): DataRequest {
  // SDMX 3: /data/dataflow/{agency}/{id}/{version}/{key}; SDMX 2.1: /data/{agency,id,version}/{key}.
  let flowRef: string | undefined;
  let keyText: string | undefined;
  if (parts[0] === "dataflow") {
    checkAgencyAndVersion(parts[1], parts[3]);
    flowRef = parts[2];
    keyText = parts[4];
  } else {
    const [agency, id, version] = (parts[0] ?? "").includes(",") ? parts[0].split(",") : [undefined, parts[0], undefined];
    checkAgencyAndVersion(agency, version);
    flowRef = id;
    keyText = parts[1];
  }
  if (!flowRef) throw new BadUserInputError("name the dataflow: /sdmx/data/{flow}/{key}", { field: "flow" });
  for (const name of search.keys()) {
    if (!DATA_PARAMETERS.includes(name)) throw new BadUserInputError(`unknown parameter "${name}"; known: ${DATA_PARAMETERS.join(", ")}`, { field: name });
  }
  const dimensionAtObservation = search.get("dimensionAtObservation");
  if (dimensionAtObservation !== null && dimensionAtObservation !== "TIME_PERIOD")
    throw new BadUserInputError(`dimensionAtObservation: only TIME_PERIOD (time series) is served, got "${dimensionAtObservation}"`, {
      field: "dimensionAtObservation",
    });
  const startYear = yearOf(search.get("startPeriod"), "startPeriod");
  const endYear = yearOf(search.get("endPeriod"), "endPeriod");
  if (startYear !== null && endYear !== null && startYear > endYear)
    throw new BadUserInputError(`startPeriod ${startYear} is after endPeriod ${endYear}`, { field: "startPeriod" });
  if (startYear !== null && endYear !== null && endYear - startYear + 1 > MAX_YEARS)
    throw new BadUserInputError(`at most ${MAX_YEARS} years per request`, { field: "endPeriod" });
  const { format, labels } = formatOf(search, accept);
  return {
    kind: "data",
    flow: flowRef,
    key: parseKey(keyText),
    startYear,
    endYear,
    updatedAfter: instantOf(search.get("updatedAfter")),
    format,
    labels,
    language,
  };
}

const DATA_PARAMETERS = ["startPeriod", "endPeriod", "updatedAfter", "format", "labels", "dimensionAtObservation", "detail"];

function checkAgencyAndVersion(agency: string | undefined, version: string | undefined): void {
  if (agency && agency !== AGENCY && agency !== "all" && agency !== "*") throw new NotFoundError(`no agency "${agency}": this service's agency is ${AGENCY}`);
  if (version && version !== ARTEFACT_VERSION && version !== "latest" && version !== "+" && version !== "*" && version !== "~") {
    throw new NotFoundError(`no version "${version}": the artefacts are at version ${ARTEFACT_VERSION}`);
  }
}

/** REF_AREA.INDICATOR.SEX; `all`, an empty key, empty parts and `*` mean every code. */
export function parseKey(text: string | undefined): DataKey {
  if (!text || text === "all" || text === "*") return { areas: null, indicators: null, sexes: null };
  const parts = text.split(".");
  if (parts.length !== DIMENSIONS.length) {
    throw new BadUserInputError(`the key has ${DIMENSIONS.length} parts, ${DIMENSIONS.map((d) => d.id).join(".")}, got "${text}"`, { field: "key" });
  }
  const codes = (part: string) => (part === "" || part === "*" ? null : [...new Set(part.split("+"))]);
  const [areas, indicators, sexes] = parts.map(codes);
  for (const code of [...(areas ?? []), ...(indicators ?? [])]) {
    if (!/^[A-Za-z0-9_@$-]+$/.test(code)) throw new BadUserInputError(`"${code}" is not a code`, { field: "key" });
  }
  const unknownSex = (sexes ?? []).find((sex) => sex !== "F" && sex !== "M" && sex !== "_T");
  if (unknownSex !== undefined) throw new BadUserInputError(`SEX is F, M or _T, got "${unknownSex}"`, { field: "key" });
  return { areas, indicators, sexes: sexes as SexCode[] | null };
}

/** An SDMX period (2023, 2023-Q1, 2023-S2, 2023-01, 2023-01-15, 2023-A1) reduced to its year: the flows are annual. */
function yearOf(text: string | null, field: string): number | null {
  if (text === null) return null;
  const match = /^(\d{4})(-(A1|S[12]|Q[1-4]|M?(0[1-9]|1[0-2])(-\d{2})?))?$/.exec(text);
  if (!match) throw new BadUserInputError(`${field} must be an SDMX period such as 2019 or 2019-Q1, got "${text}"`, { field });
  return Number(match[1]);
}

function instantOf(text: string | null): Date | null {
  if (text === null) return null;
  const instant = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(instant.getTime()))
    throw new BadUserInputError(`updatedAfter must be an ISO 8601 date-time such as 2024-12-01T00:00:00Z, got "${text}"`, { field: "updatedAfter" });
  return instant;
}

const FORMATS: Record<string, "csv" | "json"> = { csv: "csv", "sdmx-csv": "csv", csvfile: "csv", json: "json", "sdmx-json": "json", jsondata: "json" };

/** `format` (and `labels`) when given, else the Accept header; SDMX-CSV when the client accepts anything. */
function formatOf(search: URLSearchParams, accept: string | undefined): { format: "csv" | "json"; labels: "id" | "both" } {
  const labelsParam = search.get("labels");
  if (labelsParam !== null && labelsParam !== "id" && labelsParam !== "both")
    throw new BadUserInputError(`labels must be id or both, got "${labelsParam}"`, { field: "labels" });
  const formatParam = search.get("format");
  if (formatParam !== null) {
    const format = FORMATS[formatParam];
    if (!format) throw new BadUserInputError(`format must be one of ${Object.keys(FORMATS).join(", ")}, got "${formatParam}"`, { field: "format" });
    return { format, labels: labelsParam ?? "id" };
  }
  const offered = ["application/vnd.sdmx.data+csv", "text/csv", "application/vnd.sdmx.data+json", "application/json"];
  // SDMX media types carry parameters (version, labels) the offer does not list: ranges are matched without them.
  const ranges = accept
    ?.split(",")
    .map((range) => {
      const [type, ...parameters] = range.split(";").map((part) => part.trim());
      return [type, ...parameters.filter((parameter) => /^q\s*=/.test(parameter))].join(";");
    })
    .join(",");
  const chosen = ranges ? new Negotiator({ headers: { accept: ranges } }).mediaType(offered) : offered[0];
  if (!chosen) throw new NotAcceptableError(`SDMX data are served as ${MEDIA.csv} or ${MEDIA.json}; the request accepts neither`);
  const format = chosen.includes("json") ? "json" : "csv";
  const acceptedLabels = /labels\s*=\s*(id|both)/.exec(accept ?? "")?.[1] as "id" | "both" | undefined;
  return { format, labels: labelsParam ?? acceptedLabels ?? "id" };
}

function languageOf(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return "vi";
  return new Negotiator({ headers: { "accept-language": acceptLanguage } }).language(["vi", "en"]) === "en" ? "en" : "vi";
}
