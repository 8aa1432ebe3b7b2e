import type { SubgraphModule } from "@vnge/shared";
import { createContext, type PlansContext } from "./context";
import { seedDemo } from "./demo/seed";
import { REPORT_DOCUMENT_PATH, reportDocumentRoute } from "./report-submission/report-document.route";
import { buildSchema } from "./schema";

export const subgraph: SubgraphModule<PlansContext> = {
  name: "plans",
  buildSchema,
  createContext,
  seedDemo,
  routes: { [REPORT_DOCUMENT_PATH]: reportDocumentRoute },
};

export { PlanService, type ImportResult } from "./plan/plan.service";
export { uncodedRows, type UncodedRow } from "./plan-import/csv-import";
export { unitsWritten } from "./plan-import/unit";
export { catalogueOf, readCatalogue } from "./catalogue/indicator-catalogue";
export { TargetStore } from "./target/target.store";
export { PlanStore } from "./plan/plan.store";
export { AgencyService } from "./agency/agency.service";
export { AgencyStore } from "./agency/agency.store";
export type { Agency } from "./agency/agency.type";
export { AgencyFileError, readAgencyFile } from "./agency/agency-file";
