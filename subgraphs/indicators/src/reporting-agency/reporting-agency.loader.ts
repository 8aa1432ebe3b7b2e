import type DataLoader from "dataloader";
import { rowsByKeyLoader } from "@vnge/shared";
import type { ReporterRow, ReportingAgencyStore } from "./reporting-agency.store";

export interface ReportingAgencyLoaders {
  reportersByElement: DataLoader<string, ReporterRow[]>;
}

export function createReportingAgencyLoaders(store: ReportingAgencyStore): ReportingAgencyLoaders {
  return {
    reportersByElement: rowsByKeyLoader(
      (codes) => store.findByElements(codes),
      (row) => row.dataElementCode,
    ),
  };
}
