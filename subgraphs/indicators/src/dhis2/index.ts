// The DHIS2 import, for the command line (the route is registered by the subgraph).
export { createDhis2ImportService } from "./dhis2-import.wiring";
export { Dhis2ImportService, type Dhis2ImportOptions } from "./dhis2-import.service";
export { parseMapping, readMappingFile, Dhis2MappingError, type Dhis2Mapping } from "./dhis2-mapping";
export { parsePayload, Dhis2PayloadError, MAX_DATA_VALUES, type Dhis2DataValue, type Dhis2PayloadFormat } from "./dhis2-payload";
export { periodFromDhis2 } from "./dhis2-period";
export { IMPORT_STRATEGIES, type ImportStrategy, type Dhis2ImportSummary, type Dhis2Conflict } from "./dhis2-summary";
