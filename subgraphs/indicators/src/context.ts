import type { AreaScope, Database, ServiceContext } from "@vnge/shared";
import { disclosureRule } from "@vnge/shared";
import { CatalogueService } from "./catalogue/catalogue.service";
import { CatalogueStore } from "./catalogue/catalogue.store";
import { CatalogueFileStore } from "./catalogue/catalogue-file.store";
import { createAreaLoaders, type AreaLoaders } from "./area/area.loader";
import { AreaStore, areaKey } from "./area/area.store";
import { DataApprovalService } from "./data-approval/data-approval.service";
import { DataApprovalStore } from "./data-approval/data-approval.store";
import { ValueLock } from "./data-approval/value-lock.store";
import { createDataElementLoaders, type DataElementLoaders } from "./data-element/data-element.loader";
import { DataElementStore } from "./data-element/data-element.store";
import { type AgencyConfinement, DataValueService } from "./data-value/data-value.service";
import { DisclosureStore } from "./disclosure/disclosure.store";
import { FigureDisclosure } from "./disclosure/figure-disclosure";
import { DataValueStore } from "./data-value/data-value.store";
import { createIndicatorLoaders, type IndicatorLoaders } from "./indicator/indicator.loader";
import { IndicatorStore } from "./indicator/indicator.store";
import { IndicatorValueService } from "./indicator-value/indicator-value.service";
import { IndicatorValueStore } from "./indicator-value/indicator-value.store";
import { ValidationService } from "./validation/validation.service";
import { ValidationStore } from "./validation/validation.store";
import { ReportingStatusService } from "./reporting/reporting-status.service";
import { createReportingAgencyLoaders, type ReportingAgencyLoaders } from "./reporting-agency/reporting-agency.loader";
import { ReportingAgencyService } from "./reporting-agency/reporting-agency.service";
import { ReportingAgencyStore } from "./reporting-agency/reporting-agency.store";

export interface IndicatorsContext extends ServiceContext {
  areaStore: AreaStore;
  dataElementStore: DataElementStore;
  indicatorStore: IndicatorStore;
  indicatorValueService: IndicatorValueService;
  dataValueService: DataValueService;
  dataApprovalService: DataApprovalService;
  reportingStatusService: ReportingStatusService;
  catalogueService: CatalogueService;
  reportingAgencyService: ReportingAgencyService;
  loaders: { area: AreaLoaders; dataElement: DataElementLoaders; indicator: IndicatorLoaders; reportingAgency: ReportingAgencyLoaders };
  /** The disclosure rule for this caller, applied wherever this subgraph's figures leave it. */
  disclosure: FigureDisclosure;
}

/** Everything per request: the loaders (and so the batching) never outlive one operation. */
export function createContext(base: ServiceContext): IndicatorsContext {
  const { db, areas } = base;
  const areaStore = new AreaStore(db);
  const dataElementStore = new DataElementStore(db);
  const indicatorStore = new IndicatorStore(db);
  const reportingAgencyStore = new ReportingAgencyStore(db);
  const loaders = {
    area: createAreaLoaders(areaStore),
    dataElement: createDataElementLoaders(dataElementStore),
    indicator: createIndicatorLoaders(indicatorStore),
    reportingAgency: createReportingAgencyLoaders(reportingAgencyStore),
  };
  const reportingAgencyService = new ReportingAgencyService(reportingAgencyStore, dataElementStore, areas);
  const disclosure = new FigureDisclosure(disclosureRule(base.identity), new DisclosureStore(db), {
    element: (code) => loaders.dataElement.byCode.load(code),
    area: async (code, period) => loaders.area.byKey.load(areaKey((await areas.timeline()).forPeriod(period).code, code)),
  });
  const approvalStore = new DataApprovalStore(db);
  const dataApprovalService = new DataApprovalService(
    approvalStore,
    areaStore,
    new ValueLock(db),
    base.scope,
    new ValidationService(new ValidationStore(db), base.scope, areas, disclosure),
    areas,
  );
  return {
    ...base,
    areaStore,
    dataElementStore,
    indicatorStore,
    loaders,
    disclosure,
    indicatorValueService: new IndicatorValueService({
      store: new IndicatorValueStore(db),
      scope: base.scope,
      disclosure,
      areaStore,
      loaders,
      areas,
    }),
    dataValueService: createDataValueService(db, base.scope, {
      areaStore,
      dataElementStore,
      agency: base.identity.agencyCode ? { code: base.identity.agencyCode, service: reportingAgencyService } : undefined,
    }),
    reportingAgencyService,
    dataApprovalService,
    reportingStatusService: new ReportingStatusService(approvalStore, dataApprovalService, areaStore, base.scope, areas),
    catalogueService: new CatalogueService(new CatalogueStore(db), base.identity, base.scope, new CatalogueFileStore(db)),
  };
}

/**
 * The write path of data values, for a request or for a command-line import. Areas are read in the scope's
 * directory: the request's, or the one a command-line run made.
 */
export function createDataValueService(
  db: Database,
  scope: AreaScope,
  stores: { areaStore?: AreaStore; dataElementStore?: DataElementStore; agency?: AgencyConfinement } = {},
): DataValueService {
  return new DataValueService(
    new DataValueStore(db),
    stores.dataElementStore ?? new DataElementStore(db),
    stores.areaStore ?? new AreaStore(db),
    scope,
    scope.areas,
    new ValueLock(db),
    stores.agency,
  );
}
