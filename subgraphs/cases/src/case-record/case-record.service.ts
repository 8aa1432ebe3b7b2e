// Rules for case records: who may see or write one (case workers in scope, administrators), input
// validation, the access log, and the indicator feed after each write.
import { BadUserInputError, type Database, ForbiddenError, NotFoundError, Role, type ServiceContext, AreaHierarchy, hasAnyRole } from "@vnge/shared";
import type { CaseFeed } from "../case-feed/case-feed.service";
import type { CaseRecordInput } from "./case-record.input";
import { type CaseRecordStore, type FeedKey, yearOf } from "./case-record.store";
import type { CaseRecord, CaseWriteResult } from "./case-record.type";
import { todayInVietnam, validateCase } from "./case-record.validation";

/** Roles that may see individual case records; every path to a record checks them and the area scope. */
export const CASE_ROLES = [Role.CASE_WORKER, Role.ADMIN] as const;

export class CaseRecordService {
  constructor(
    private readonly context: Pick<ServiceContext, "identity" | "scope" | "requestId" | "logger">,
    private readonly db: Database,
    private readonly store: CaseRecordStore,
    private readonly feed: CaseFeed,
    private readonly today: () => string = todayInVietnam,
  ) {}

  async record(input: CaseRecordInput): Promise<CaseWriteResult> {
    this.assertCaseRole("record cases");
    const valid = await this.validate(input);
    await this.context.scope.assertContains([valid.areaCode], "record cases");
    const record = await this.store.create(valid, this.context.identity.subject, this.context.requestId);
    const indicatorFeed = await this.feed.pushAfterWrite([{ areaCode: valid.areaCode, period: yearOf(valid.detectedOn) }], this.context.requestId);
    return { caseRecord: record, indicatorFeed };
  }

  async update(id: string, input: CaseRecordInput): Promise<CaseWriteResult> {
    this.assertCaseRole("change cases");
    const [existing] = await this.store.findByIds([id]);
    if (!existing || !(await this.context.scope.contains(existing.area.code))) throw this.notFound(id);
    const valid = await this.validate(input);
    await this.context.scope.assertContains([valid.areaCode], "record cases");
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
    if (!(await this.context.scope.contains(record.area.code))) {
      this.context.logger.warn({ caseId: id }, "case record outside the caller's areas not shown");
      return null;
    }
    await this.store.logReads([record.id], this.context.identity.subject, this.context.requestId);
    return record;
  }

  /** Records detected in `year` in the area (any level) and beneath it. */
  async inArea(areaCode: string, year: number): Promise<CaseRecord[]> {
    this.assertCaseRole("read case records");
    if (!Number.isInteger(year) || year < 1900 || year > 2100) throw new BadUserInputError(`year ${year} must be between 1900 and 2100`, { field: "year" });
    const hierarchy = new AreaHierarchy(this.db);
    const version = await hierarchy.versionForPeriod(String(year));
    await this.context.scope.assertContains([areaCode], "read case records", version);
    const records = await this.store.findInAreas(await hierarchy.communesWithin(areaCode, version), year);
    await this.store.logReads(records.map((r) => r.id), this.context.identity.subject, this.context.requestId);
    return records;
  }

  /** The note is for case work: shown only to case workers whose scope holds the record's commune. */
  async noteOf(record: CaseRecord): Promise<string | null> {
    if (!this.context.identity.roles.has(Role.CASE_WORKER)) return null;
    return (await this.context.scope.contains(record.area.code)) ? record.note : null;
  }

  /** Repeats the resolvers' @Authorized check so no path to a record depends on a decorator alone. */
  private assertCaseRole(action: string): void {
    if (!hasAnyRole(this.context.identity, CASE_ROLES)) {
      throw new ForbiddenError(`You may not ${action}: only case workers and administrators may`);
    }
  }

  private async validate(input: CaseRecordInput) {
    // The commune must exist in the version in force on the day the case was detected.
    const hierarchy = new AreaHierarchy(this.db);
    const version = /^\d{4}-\d{2}-\d{2}$/.test(input.detectedOn) ? await hierarchy.versionOn(input.detectedOn) : undefined;
    const places = await hierarchy.placements([input.areaCode], version);
    return validateCase(input, places.get(input.areaCode)?.level, this.today());
  }

  private notFound(id: string): NotFoundError {
    return new NotFoundError(`No case record ${id} in your areas`);
  }
}
