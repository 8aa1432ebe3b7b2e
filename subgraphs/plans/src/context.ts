import type DataLoader from "dataloader";
import { type ServiceContext, rowsByKeyLoader } from "@vnge/shared";
import { type AgencyLoaders, createAgencyLoaders } from "./agency/agency.loader";
import { AgencyService } from "./agency/agency.service";
import { AgencyStore } from "./agency/agency.store";
import { ReportSubmissionService } from "./report-submission/report-submission.service";
import { ReportSubmissionStore, type SubmissionRow } from "./report-submission/report-submission.store";
import { DeadlineStore } from "./deadline/deadline.store";
import { createPlanLoaders, type PlanLoaders } from "./plan/plan.loader";
import { PlanService } from "./plan/plan.service";
import { PlanStore } from "./plan/plan.store";
import { createTargetLoaders, type TargetLoaders } from "./target/target.loader";
import { TargetService } from "./target/target.service";
import { TargetStore } from "./target/target.store";

export interface PlansContext extends ServiceContext {
  loaders: PlanLoaders & TargetLoaders & AgencyLoaders & { submissionsByDeadline: DataLoader<string, SubmissionRow[]> };
  reportSubmissionService: ReportSubmissionService;
  agencyService: AgencyService;
  planService: PlanService;
  targetService: TargetService;
}

export function createContext(base: ServiceContext): PlansContext {
  const targetStore = new TargetStore(base.db);
  const agencyStore = new AgencyStore(base.db);
  const submissionStore = new ReportSubmissionStore(base.db);
  return {
    ...base,
    loaders: {
      ...createPlanLoaders(new PlanStore(base.db)),
      ...createTargetLoaders(targetStore, new DeadlineStore(base.db)),
      ...createAgencyLoaders(agencyStore),
      submissionsByDeadline: rowsByKeyLoader(
        (ids) => submissionStore.findByDeadlines(ids),
        (row) => row.deadlineId,
      ),
    },
    reportSubmissionService: new ReportSubmissionService(base.db, base.areas),
    agencyService: new AgencyService(agencyStore, base.areas),
    planService: new PlanService(base.db, base.areas),
    targetService: new TargetService(base.areas, targetStore, base.scope),
  };
}
