import { type ServiceContext, disclosureRule } from "@vnge/shared";
import { CaseFeed } from "./case-feed/case-feed.service";
import { type CaseRecordLoaders, createCaseRecordLoaders } from "./case-record/case-record.loader";
import { CaseRecordService } from "./case-record/case-record.service";
import { CaseRecordStore } from "./case-record/case-record.store";
import { CaseStatisticsService } from "./case-statistics/case-statistics.service";
import { CaseStatisticsStore } from "./case-statistics/case-statistics.store";
import { createSupportFacilityLoaders, type SupportFacilityLoaders } from "./support-facility/support-facility.loader";
import { SupportFacilityStore } from "./support-facility/support-facility.store";

export interface CasesContext extends ServiceContext {
  loaders: SupportFacilityLoaders & CaseRecordLoaders;
  caseRecordService: CaseRecordService;
  caseStatisticsService: CaseStatisticsService;
}

export function createContext(base: ServiceContext): CasesContext {
  const caseStore = new CaseRecordStore(base.db);
  const feed = new CaseFeed(base.db, base.areas, base.indicatorFeed, base.logger);
  return {
    ...base,
    loaders: { ...createSupportFacilityLoaders(new SupportFacilityStore(base.db)), ...createCaseRecordLoaders(caseStore) },
    caseRecordService: new CaseRecordService(base, caseStore, feed),
    caseStatisticsService: new CaseStatisticsService(base.areas, new CaseStatisticsStore(base.db), base, disclosureRule(base.identity)),
  };
}
