import type { SubgraphModule } from "@vnge/shared";
import { createContext, type IndicatorsContext } from "./context";
import { dataValueExportRoute } from "./data-value/data-value-export.route";
import { dataValueUploadRoute } from "./data-value/data-value-upload.route";
import { seedDemo } from "./demo/seed";
import { DHIS2_DATA_VALUE_SETS_PATH, dhis2ImportRoute } from "./dhis2/dhis2-import.route";
import { buildSchema } from "./schema";

export const subgraph: SubgraphModule<IndicatorsContext> = {
  name: "indicators",
  buildSchema,
  createContext,
  seedDemo,
  routes: { "/data-values/import": dataValueUploadRoute, "/data-values/export": dataValueExportRoute, [DHIS2_DATA_VALUE_SETS_PATH]: dhis2ImportRoute },
};

export { seedCatalogue, DEFAULT_CATALOGUE, type Catalogue } from "./catalogue/catalogue.seed";
export * from "./catalogue/catalogue-definition";
export * from "./area-import";
export { IndicatorValueStore, type AreaTarget } from "./indicator-value/indicator-value.store";
export { createDataValueService } from "./context";
export {
  importValueFile,
  exportValues,
  formatOf,
  CSV_COLUMNS,
  type FileImportSummary,
  type FileImportProgress,
  type ValueFileFormat,
} from "./data-value/data-value.file";
export { checkTotals, rebuildTotals, type TotalsCheckResult } from "./data-value/data-value-total.check";
export { exportCatalogue, importCatalogue, CatalogueFileError, type CatalogueImportSummary } from "./catalogue/catalogue-transfer";
export * from "./dhis2";
