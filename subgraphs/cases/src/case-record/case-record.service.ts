// Rules for case records: who may see or write one (case workers in scope, administrators), input
// validation, the access log, and the indicator feed after each write.
import {
  type AreaHierarchy,
  BadUserInputError,
  ForbiddenError,
  NotFoundError,
  type Page,
  Role,
  type ServiceContext,
  hasAnyRole,
  pageAfterId,
} from "@vnge/shared";
import type { CaseFeed } from "../case-feed/case-feed.service";
import type { CaseRecordInput } from "./case-record.input";
import { type CaseRecordStore, type FeedKey, yearOf } from "./case-record.store";
import { CaseYear, yearVersionMismatch } from "./case-year";
import type { CaseRecord, CaseWriteResult } from "./case-record.type";
import { todayInVietnam, validateCase } from "./case-record.validation";

/** Roles that may see individual case records; every path to a record checks them and the area scope. */
export const CASE_ROLES = [Role.CASE_WORKER, Role.ADMIN] as const;

export class CaseRecordService {
  constructor(
    private readonly context: Pick<ServiceContext, "identity" | "areas" | "scope" | "requestId" | "logger">,
    private readonly store: CaseRecordStore,
    private readonly feed: CaseFeed,
    private readonly today: () => string = todayInVietnam,
  ) {}

  async record(input: CaseRecordInput): Promise<CaseWriteResult> {
    this.assertCaseRole("record cases");
    const { valid, version } = await this.validate(input);
    // The commune is read, and the scope checked, in the version in force on the day of detection.
    await this.context.scope.assertContains([valid.areaCode], "record cases", version);
    const record = await this.store.create(valid, this.context.identity.subject, this.context.requestId);
    const indicatorFeed = await this.feed.pushAfterWrite([{ areaCode: valid.areaCode, period: yearOf(valid.detectedOn) }], this.context.requestId);
    return { caseRecord: record, indicatorFeed };
  }

  async update(id: string, input: CaseRecordInput): Promise<CaseWriteResult> {
    this.assertCaseRole("change cases");
    const [existing] = await this.store.findByIds([id]);
    if (!existing || !(await this.inScope(existing))) throw this.notFound(id);
    const { valid, version } = await this.validate(input);
    await this.context.scope.assertContains([valid.areaCode], "record cases", version);
    const written = await this.store.update(id, valid, this.context.identity.subject, this.context.requestId);
    if (!written) throw this.notFound(id);
    const keys: FeedKey[] = [written.before, { areaCode: valid.areaCode, period: yearOf(valid.detectedOn) }];
    const indicatorFeed = await this.feed.pushAfterWrite(keys, this.context.requestId);
    return { caseRecord: written.record, indicatorFeed };
  }

  /** A record in the caller's scope, or null (a record outside it is indistinguishable from none). */
  async byId(id: string): Promise<CaseRecord | null> {
    this.assertCaseRole("read case records");
    const [record] = await this.store.findByIds([id]);
    if (!record) return null;
    if (!(await this.inScope(record))) {
      this.context.logger.warn({ caseId: id }, "case record outside the caller's areas not shown");
      return null;
    }
    await this.store.logReads([record.id], this.context.identity.subject, this.context.requestId);
    return record;
  }

  /**
   * Records detected in `year` in the area (any level, of the year's version) and beneath it, including
   * those recorded on an earlier version's communes that are counted there (decision 0078).
   * `hierarchy`: the version the area reference names, when it names one.
   */
  async inArea(areaCode: string, year: number, hierarchy?: string, page: Page = {}): Promise<CaseRecord[]> {
    this.assertCaseRole("read case records");
    if (!Number.isInteger(year) || year < 1900 || year > 2100) throw new BadUserInputError(`year ${year} must be between 1900 and 2100`, { field: "year" });
    const caseYear = await CaseYear.of(this.context.areas, year);
    if (hierarchy !== undefined && hierarchy !== caseYear.version) {
      throw new BadUserInputError(yearVersionMismatch("case records", String(year), caseYear.version, areaCode, hierarchy), { field: "year" });
    }
    await this.context.scope.assertContains([areaCode], "read case records", caseYear.version);
    const windows = await caseYear.windowsFor(await this.hierarchy.communesWithin(areaCode, caseYear.version));
    // Only the page is read out, so only the page is logged.
    const records = pageAfterId(await this.store.findInWindows(windows), page, (record) => record.id);
    await this.store.logReads(
      records.map((r) => r.id),
      this.context.identity.subject,
      this.context.requestId,
    );
    return records;
  }

  /** The note is for case work: shown only to case workers whose scope holds the record's commune. */
  async noteOf(record: CaseRecord): Promise<string | null> {
    if (!this.context.identity.roles.has(Role.CASE_WORKER)) return null;
    return (await this.inScope(record)) ? record.note : null;
  }

  /** The request's: one read of the hierarchy versions per request. */
  private get hierarchy(): AreaHierarchy {
    return this.context.areas.hierarchy;
  }

  /** A stored record's commune is a commune of the version in force on its day of detection. */
  private async inScope(record: CaseRecord): Promise<boolean> {
    return this.context.scope.contains(record.area.code, await this.hierarchy.versionOn(record.detectedOn));
  }

  /** Repeats the resolvers' @Authorized check so no path to a record depends on a decorator alone. */
  private assertCaseRole(action: string): void {
    if (!hasAnyRole(this.context.identity, CASE_ROLES)) {
      throw new ForbiddenError(`You may not ${action}: only case workers and administrators may`);
    }
  }

  private async validate(input: CaseRecordInput) {
    // The commune must exist in the version in force on the day the case was detected.
    const version = /^\d{4}-\d{2}-\d{2}$/.test(input.detectedOn) ? await this.hierarchy.versionOn(input.detectedOn) : undefined;
    const places = await this.hierarchy.placements([input.areaCode], version);
    return { valid: validateCase(input, places.get(input.areaCode)?.level, this.today()), version };
  }

  private notFound(id: string): NotFoundError {
    return new NotFoundError(`No case record ${id} in your areas`);
  }
}
