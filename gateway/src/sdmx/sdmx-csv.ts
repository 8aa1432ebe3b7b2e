// SDMX-CSV 2.0 data messages: STRUCTURE, STRUCTURE_ID and ACTION, then the dimensions, the measure and the
// attributes in the order of the data structure; `labels=both` writes "ID: name" in headers and coded cells.
// A confidential cell has an empty OBS_VALUE and CONF_STATUS C (no value exists for the caller).
import { ATTRIBUTES, DIMENSIONS, FIXED_CODELISTS, type Label, type Language, MEASURE, type Names, type Observation, TIME_DIMENSION } from "./sdmx-model";

const COMPONENTS = [...DIMENSIONS, TIME_DIMENSION, MEASURE, ...ATTRIBUTES];

export interface CsvOptions {
  /** AGENCY:ID(VERSION) of the dataflow. */
  flowRef: string;
  flowName: Label;
  labels: "id" | "both";
  language: Language;
  names: Names;
}

function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const labelled = (id: string, name: Label | undefined, options: CsvOptions) => (options.labels === "both" && name ? `${id}: ${name[options.language]}` : id);

export function csvHeader(options: CsvOptions): string {
  const columns = ["STRUCTURE", "STRUCTURE_ID", "ACTION", ...COMPONENTS.map((component) => labelled(component.id, component.name, options))];
  return `${columns.map(field).join(",")}\r\n`;
}

const codeName = (codelist: string, id: string) => FIXED_CODELISTS[codelist]?.codes.find((code) => code.id === id)?.name;

export function csvRows(observations: readonly Observation[], options: CsvOptions): string {
  const structure = labelled(options.flowRef, options.flowName, options);
  let text = "";
  for (const o of observations) {
    const cells = [
      "dataflow",
      structure,
      // Merge: a partner's store takes the rows as updates of what it holds.
      "M",
      labelled(o.area, options.names.area(o.area), options),
      labelled(o.indicator, options.names.indicator(o.indicator), options),
      labelled(o.sex, codeName("CL_SEX", o.sex), options),
      o.period,
      o.value === null ? "" : String(o.value),
      labelled(o.unit, codeName("CL_UNIT_MEASURE", o.unit), options),
      labelled("0", codeName("CL_UNIT_MULT", "0"), options),
      o.status === null ? "" : labelled(o.status, codeName("CL_OBS_STATUS", o.status), options),
      labelled(o.confidential ? "C" : "F", codeName("CL_CONF_STATUS", o.confidential ? "C" : "F"), options),
      labelled(o.approximate ? "Y" : "N", codeName("CL_APPROXIMATE", o.approximate ? "Y" : "N"), options),
    ];
    text += `${cells.map(field).join(",")}\r\n`;
  }
  return text;
}
