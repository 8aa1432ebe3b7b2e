// SDMX-JSON structure messages: the dataflows (one per hierarchy version, and the current one), their data structures,
// the concept scheme and the codelists (areas per version, indicators, and the fixed ones of sdmx-model.ts).
import {
  AGENCY,
  ARTEFACT_VERSION,
  ATTRIBUTES,
  CONCEPT_SCHEME,
  CURRENT_FLOW,
  type Code,
  DIMENSIONS,
  FIXED_CODELISTS,
  type Label,
  type Language,
  MEASURE,
  TIME_DIMENSION,
  areaCodelistId,
  flowId,
  sdmxIndicatorId,
  structureId,
} from "./sdmx-model";
import type { Catalogue, Hierarchy } from "./sdmx-source";

export const SDMX_JSON_STRUCTURE_SCHEMA = "https://json.sdmx.org/2.0/sdmx-json-structure-schema.json";

const URN = {
  dataflow: (id: string) => `urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=${AGENCY}:${id}(${ARTEFACT_VERSION})`,
  structure: (id: string) => `urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=${AGENCY}:${id}(${ARTEFACT_VERSION})`,
  codelist: (id: string) => `urn:sdmx:org.sdmx.infomodel.codelist.Codelist=${AGENCY}:${id}(${ARTEFACT_VERSION})`,
  concept: (id: string) => `urn:sdmx:org.sdmx.infomodel.conceptscheme.Concept=${AGENCY}:${CONCEPT_SCHEME}(${ARTEFACT_VERSION}).${id}`,
};

const localised = (label: Label, language: Language) => ({ name: label[language], names: { [language]: label[language] } });
const maintained = (id: string, label: Label, language: Language) => ({ id, agencyID: AGENCY, version: ARTEFACT_VERSION, ...localised(label, language) });

const flowName = (hierarchy: Hierarchy): Label => ({
  vi: `Thống kê bình đẳng giới, đơn vị hành chính ${hierarchy.code}`,
  en: `Gender-equality statistics, administrative units of ${hierarchy.code}`,
});

export const CURRENT_FLOW_NAME: Label = {
  vi: "Thống kê bình đẳng giới (đơn vị hành chính hiện hành)",
  en: "Gender-equality statistics (current administrative units)",
};
export const nameOfFlow = (flow: string, hierarchy: Hierarchy): Label => (flow === CURRENT_FLOW ? CURRENT_FLOW_NAME : flowName(hierarchy));

export function dataflows(catalogue: Catalogue, language: Language) {
  const current = catalogue.hierarchies.at(-1);
  return [
    ...(current ? [{ ...maintained(CURRENT_FLOW, CURRENT_FLOW_NAME, language), structure: URN.structure(structureId(current.code)) }] : []),
    ...catalogue.hierarchies.map((hierarchy) => ({
      ...maintained(flowId(hierarchy.code), flowName(hierarchy), language),
      structure: URN.structure(structureId(hierarchy.code)),
    })),
  ];
}

export function dataStructures(catalogue: Catalogue, language: Language) {
  const coded = (codelist: string) => ({ enumeration: URN.codelist(codelist) });
  return catalogue.hierarchies.map((hierarchy) => ({
    ...maintained(structureId(hierarchy.code), flowName(hierarchy), language),
    dataStructureComponents: {
      dimensionList: {
        id: "DimensionDescriptor",
        dimensions: DIMENSIONS.map((dimension, position) => ({
          id: dimension.id,
          position,
          conceptIdentity: URN.concept(dimension.id),
          localRepresentation: coded(dimension.codelist ?? areaCodelistId(hierarchy.code)),
        })),
        timeDimension: {
          id: TIME_DIMENSION.id,
          conceptIdentity: URN.concept(TIME_DIMENSION.id),
          localRepresentation: { format: { dataType: "GregorianYear" } },
        },
      },
      attributeList: {
        id: "AttributeDescriptor",
        attributes: ATTRIBUTES.map((attribute) => ({
          id: attribute.id,
          usage: attribute.id === "UNIT_MEASURE" || attribute.id === "CONF_STATUS" ? "mandatory" : "optional",
          attributeRelationship: { observation: {} },
          conceptIdentity: URN.concept(attribute.id),
          localRepresentation: coded(attribute.codelist!),
        })),
      },
      measureList: {
        id: "MeasureDescriptor",
        measures: [{ id: MEASURE.id, conceptIdentity: URN.concept(MEASURE.id), localRepresentation: { format: { dataType: "Double" } } }],
      },
    },
  }));
}

export function conceptSchemes(language: Language) {
  const concepts = [...DIMENSIONS, TIME_DIMENSION, MEASURE, ...ATTRIBUTES].map((component) => ({ id: component.id, ...localised(component.name, language) }));
  return [{ ...maintained(CONCEPT_SCHEME, { vi: "Khái niệm thống kê bình đẳng giới", en: "Gender-equality statistics concepts" }, language), concepts }];
}

export function codelist(id: string, label: Label, codes: readonly Code[], language: Language) {
  return {
    ...maintained(id, label, language),
    codes: codes.map((code) => ({ id: code.id, ...localised(code.name, language), ...(code.parent ? { parent: code.parent } : {}) })),
  };
}

export function fixedCodelists(catalogue: Catalogue, language: Language) {
  return [
    codelist(
      "CL_INDICATOR",
      { vi: "Chỉ tiêu", en: "Indicators" },
      catalogue.indicators.map((indicator) => ({ id: sdmxIndicatorId(indicator.code), name: indicator.name })),
      language,
    ),
    ...Object.entries(FIXED_CODELISTS).map(([id, list]) => codelist(id, list.name, list.codes, language)),
  ];
}

export const areaCodelistName = (hierarchy: string): Label => ({ vi: `Đơn vị hành chính ${hierarchy}`, en: `Administrative units of ${hierarchy}` });

export function structureMessage(data: Record<string, unknown[]>, language: Language, prepared: Date, messageId: string) {
  return {
    $schema: SDMX_JSON_STRUCTURE_SCHEMA,
    meta: {
      id: messageId,
      prepared: prepared.toISOString(),
      test: false,
      contentLanguages: [language],
      sender: { id: AGENCY, ...localised({ vi: "Hệ thống thống kê bình đẳng giới", en: "Gender-equality statistics" }, language) },
    },
    data: Object.fromEntries(Object.entries(data).filter(([, artefacts]) => artefacts.length > 0)),
  };
}
