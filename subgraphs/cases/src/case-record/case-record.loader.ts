import type DataLoader from "dataloader";
import { rowsByKeyLoader } from "@vnge/shared";
import type { CaseRecordStore } from "./case-record.store";
import type { CaseService } from "./case-record.type";

export interface CaseRecordLoaders {
  servicesByCase: DataLoader<string, (CaseService & { caseId: string })[]>;
}

export function createCaseRecordLoaders(store: CaseRecordStore): CaseRecordLoaders {
  return {
    servicesByCase: rowsByKeyLoader(
      (ids) => store.findServices(ids),
      (service) => service.caseId,
    ),
  };
}
