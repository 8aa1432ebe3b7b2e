// SDMX-JSON data messages, written as the observations come: series keyed "area:indicator:sex" by the index of each
// code in the structure's values, observations keyed by the period's index, each [OBS_VALUE, then the index of every
// attribute's value]. The structure (which codes the indexes stand for) is written after the data sets, once every
// code has been seen, so the message never holds more than one page of observations.
import {
  AGENCY,
  ARTEFACT_VERSION,
  ATTRIBUTES,
  DIMENSIONS,
  FIXED_CODELISTS,
  type Label,
  type Language,
  MEASURE,
  type Names,
  type Observation,
  TIME_DIMENSION,
  structureId,
} from "./sdmx-model";

export const SDMX_JSON_DATA_SCHEMA = "https://json.sdmx.org/2.0/sdmx-json-data-schema.json";

export interface JsonOptions {
  flow: string;
  hierarchy: string;
  flowName: Label;
  language: Language;
  names: Names;
  years: readonly string[];
  baseUrl: string;
  prepared: Date;
  messageId: string;
}

const localised = (label: Label, language: Language) => ({ name: label[language], names: { [language]: label[language] } });

const attributeCodes = ATTRIBUTES.map((attribute) => FIXED_CODELISTS[attribute.codelist!].codes.map((code) => code.id));

export class SdmxJsonWriter {
  private readonly seen = DIMENSIONS.map(() => new Map<string, number>());
  private readonly periodIndex: Map<string, number>;
  private firstSeries = true;
  private openSeries: string | null = null;
  private firstObservation = true;

  constructor(
    private readonly options: JsonOptions,
    private readonly write: (chunk: string) => void,
  ) {
    this.periodIndex = new Map(options.years.map((year, i) => [year, i]));
  }

  begin(): void {
    const meta = {
      id: this.options.messageId,
      prepared: this.options.prepared.toISOString(),
      test: false,
      contentLanguages: [this.options.language],
      sender: { id: AGENCY, ...localised({ vi: "Hệ thống thống kê bình đẳng giới", en: "Gender-equality statistics" }, this.options.language) },
    };
    this.write(
      `{"$schema":${JSON.stringify(SDMX_JSON_DATA_SCHEMA)},"meta":${JSON.stringify(meta)},"data":{"dataSets":[{"structure":0,"action":"Information","series":{`,
    );
  }

  add(observations: readonly Observation[]): void {
    let text = "";
    for (const o of observations) {
      const key = [o.area, o.indicator, o.sex].map((code, i) => this.indexOf(i, code)).join(":");
      if (key !== this.openSeries) {
        if (this.openSeries !== null) text += "}}";
        text += `${this.firstSeries ? "" : ","}${JSON.stringify(key)}:{"observations":{`;
        this.firstSeries = false;
        this.openSeries = key;
        this.firstObservation = true;
      }
      const attributes = [o.unit, "0", o.status, o.confidential ? "C" : "F", o.approximate ? "Y" : "N"].map((code, i) =>
        code === null ? null : attributeCodes[i].indexOf(code),
      );
      text += `${this.firstObservation ? "" : ","}"${this.periodIndex.get(o.period)}":${JSON.stringify([o.value, ...attributes])}`;
      this.firstObservation = false;
    }
    if (text) this.write(text);
  }

  end(): void {
    const { language, names } = this.options;
    const nameOf = [names.area, names.indicator, (code: string) => FIXED_CODELISTS.CL_SEX.codes.find((c) => c.id === code)?.name];
    const series = DIMENSIONS.map((dimension, position) => ({
      id: dimension.id,
      ...localised(dimension.name, language),
      keyPosition: position,
      values: [...this.seen[position].keys()].map((code) => ({ id: code, ...localised(nameOf[position](code) ?? { vi: code, en: code }, language) })),
    }));
    const structure = {
      ...localised(this.options.flowName, language),
      dataSets: [0],
      links: [
        {
          href: `${this.options.baseUrl}/sdmx/dataflow/${AGENCY}/${this.options.flow}/${ARTEFACT_VERSION}`,
          urn: `urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=${AGENCY}:${this.options.flow}(${ARTEFACT_VERSION})`,
          rel: "dataflow",
        },
        {
          href: `${this.options.baseUrl}/sdmx/datastructure/${AGENCY}/${structureId(this.options.hierarchy)}/${ARTEFACT_VERSION}`,
          urn: `urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=${AGENCY}:${structureId(this.options.hierarchy)}(${ARTEFACT_VERSION})`,
          rel: "datastructure",
        },
      ],
      dimensions: {
        // A series dimension with no code seen (an empty answer) still lists nothing: SDMX-JSON wants values there.
        series: series.filter((dimension) => dimension.values.length > 0),
        observation: [
          {
            id: TIME_DIMENSION.id,
            ...localised(TIME_DIMENSION.name, language),
            keyPosition: DIMENSIONS.length,
            roles: ["TIME_PERIOD"],
            values: this.options.years.map((year) => ({
              id: year,
              name: year,
              start: `${year}-01-01T00:00:00Z`,
              end: `${year}-12-31T23:59:59Z`,
            })),
          },
        ],
      },
      measures: { observation: [{ id: MEASURE.id, ...localised(MEASURE.name, language) }] },
      attributes: {
        observation: ATTRIBUTES.map((attribute) => ({
          id: attribute.id,
          ...localised(attribute.name, language),
          relationship: { primaryMeasure: MEASURE.id },
          roles: [attribute.id],
          values: FIXED_CODELISTS[attribute.codelist!].codes.map((code) => ({ id: code.id, ...localised(code.name, language) })),
        })),
      },
    };
    this.write(`${this.openSeries !== null ? "}}" : ""}}}],"structures":[${JSON.stringify(structure)}]}}`);
  }

  private indexOf(position: number, code: string): number {
    const seen = this.seen[position];
    let index = seen.get(code);
    if (index === undefined) {
      index = seen.size;
      seen.set(code, index);
    }
    return index;
  }
}
