// Which agency reports which data elements, and the rule for a user who works for an agency: such a user enters
// only the elements the agency reports, at or beneath the agency's area. A batch with anything else is refused whole.
import { type AreaDirectory, AreaScope, BadUserInputError, ForbiddenError } from "@vnge/shared";
import type { DataElementStore } from "../data-element/data-element.store";
import type { ReporterRow, ReportingAgencyStore } from "./reporting-agency.store";
import type { DataElementReporter } from "./reporting-agency.type";

export const toReporter = (row: ReporterRow): DataElementReporter => ({ ...row, agency: { code: row.agencyCode } });

export class ReportingAgencyService {
  constructor(
    private readonly store: ReportingAgencyStore,
    private readonly dataElements: DataElementStore,
    private readonly areas: AreaDirectory,
  ) {}

  /** Makes an agency the reporter of data elements in its area; the area must be in the caller's areas. */
  async assign(agencyCode: string, dataElementCodes: readonly string[], scope: AreaScope, assignedBy: string): Promise<DataElementReporter[]> {
    const codes = [...new Set(dataElementCodes)];
    if (codes.length === 0) throw new BadUserInputError("dataElementCodes must name at least one data element", { field: "dataElementCodes" });
    const place = await this.store.agencyPlace(agencyCode);
    if (!place) throw new BadUserInputError(`no agency with code "${agencyCode}"`, { field: "agencyCode" });
    await scope.assertContains([place.areaCode], "assign reporting agencies", place.hierarchy);
    const elements = new Map((await this.dataElements.findByCodes(codes)).map((element) => [element.code, element]));
    const problems = codes.flatMap((code) => {
      const element = elements.get(code);
      if (!element) return [`unknown data element "${code}"`];
      if (element.retiredAt) return [`${code} is retired`];
      if (element.confidential) return [`${code} is counted from case records, not entered`];
      return [];
    });
    if (problems.length > 0) throw new BadUserInputError(`no reporter was assigned: ${problems.join("; ")}`, { field: "dataElementCodes" });
    return (await this.store.assign(place, codes, assignedBy)).map(toReporter);
  }

  /** Refuses the batch when an agency's user submits an element the agency does not report there. */
  async confine(agencyCode: string, values: readonly { dataElementCode: string; areaCode: string; hierarchy: string }[]): Promise<void> {
    const reported = await this.store.findByAgency(agencyCode);
    const outside: string[] = [];
    for (const value of values) {
      let inside = false;
      for (const row of reported.filter((r) => r.dataElementCode === value.dataElementCode && r.hierarchy === value.hierarchy)) {
        if (await new AreaScope(this.areas, [row.areaCode]).contains(value.areaCode, value.hierarchy)) inside = true;
      }
      if (!inside) outside.push(`${value.dataElementCode} at ${value.areaCode}`);
    }
    if (outside.length === 0) return;
    const shown = [...new Set(outside)];
    throw new ForbiddenError(
      `agency ${agencyCode} does not report ${shown.slice(0, 5).join(", ")}${shown.length > 5 ? ` and ${shown.length - 5} more` : ""}; nothing was written`,
      { agencyCode },
    );
  }
}
