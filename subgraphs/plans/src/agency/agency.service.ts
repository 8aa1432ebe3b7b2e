// Rules for agencies: who may define them (ADMIN within its areas), what a definition must hold, and how a
// document's agency names are matched to the agencies of an area and of the areas above it.
import { type AreaDirectory, type AreaScope, BadUserInputError, selfAndAncestors } from "@vnge/shared";
import type { AgencyRole } from "./agency.enums";
import type { AgencyInput } from "./agency.input";
import { agencyCodeFor, agencyNameKey, kindFromName, splitResponsibility } from "./agency-name";
import { type AgencyStore, type NewAgency, toAgency } from "./agency.store";
import type { Agency } from "./agency.type";

const MAX_AGENCIES = 500;

/** The agencies one responsibility cell names, and the names that matched none. */
export interface MatchedResponsibility {
  agencies: { agencyCode: string; role: AgencyRole }[];
  unmatched: string[];
}

/** Matches names against the agencies of an area and its ancestors (the nearest area first). */
export class AgencyMatcher {
  private constructor(
    private readonly byName: Map<string, string>,
    /** Agencies to define for names that matched none (only when asked to). */
    readonly defined: NewAgency[],
    private readonly define: ((nameVi: string) => NewAgency) | null,
  ) {}

  static async of(store: AgencyStore, areas: AreaDirectory, area: { code: string; hierarchy: string }, defineMissing: boolean): Promise<AgencyMatcher> {
    const placement = (await areas.hierarchy.placements([area.code], area.hierarchy)).get(area.code);
    const chain = placement ? selfAndAncestors(placement) : [area.code];
    const agencies = await store.findAtAreas(area.hierarchy, chain);
    const byName = new Map<string, string>();
    // The nearest area's agency wins a name written the same way at two levels.
    for (const code of [...chain].reverse()) {
      for (const agency of agencies.filter((a) => a.areaCode === code)) {
        for (const name of [agency.nameVi, agency.name, ...agency.aliases]) byName.set(agencyNameKey(name), agency.code);
      }
    }
    const taken = new Set(agencies.map((agency) => agency.code));
    const define = defineMissing
      ? (nameVi: string): NewAgency => {
          const code = agencyCodeFor(area.code, nameVi, taken);
          taken.add(code);
          return {
            code,
            hierarchy: area.hierarchy,
            areaCode: area.code,
            level: placement?.level ?? "PROVINCE",
            kind: kindFromName(nameVi),
            name: nameVi,
            nameVi,
            aliases: [],
          };
        }
      : null;
    return new AgencyMatcher(byName, [], define);
  }

  match(cell: string | null): MatchedResponsibility {
    const named = cell ? splitResponsibility(cell) : null;
    if (!named) return { agencies: [], unmatched: [] };
    const agencies: MatchedResponsibility["agencies"] = [];
    const unmatched: string[] = [];
    for (const [name, role] of [[named.lead, "LEAD"], ...named.supporting.map((name) => [name, "SUPPORTING"])] as [string, AgencyRole][]) {
      let code = this.byName.get(agencyNameKey(name));
      if (!code && this.define) {
        const agency = this.define(name);
        this.defined.push(agency);
        this.byName.set(agencyNameKey(name), agency.code);
        code = agency.code;
      }
      if (!code) unmatched.push(name);
      else if (!agencies.some((a) => a.agencyCode === code)) agencies.push({ agencyCode: code, role });
    }
    return { agencies, unmatched };
  }
}

export class AgencyService {
  constructor(
    private readonly store: AgencyStore,
    private readonly areas: AreaDirectory,
  ) {}

  /** The agencies of an area, of every hierarchy version it is a code of. */
  async ofArea(areaCode: string): Promise<Agency[]> {
    return (await this.store.findByArea(areaCode)).map(toAgency);
  }

  /** Defines or changes agencies: all or nothing (a file from an operator may hold more than a request). */
  async define(inputs: readonly AgencyInput[], scope: AreaScope, maxAgencies = MAX_AGENCIES): Promise<Agency[]> {
    if (inputs.length === 0 || inputs.length > maxAgencies)
      throw new BadUserInputError(`give 1 to ${maxAgencies} agencies, got ${inputs.length}`, { field: "agencies" });
    const timeline = await this.areas.timeline();
    const agencies: NewAgency[] = [];
    const seen = new Map<string, number>();
    for (const [index, input] of inputs.entries()) {
      const at = `agencies[${index}]`;
      if (seen.has(input.code)) throw new BadUserInputError(`${at}: code ${input.code} is given twice`, { field: `${at}.code` });
      seen.set(input.code, index);
      const hierarchy = input.hierarchy ? timeline.require(input.hierarchy, `${at}.hierarchy`).code : timeline.current().code;
      const placement = (await this.areas.hierarchy.placements([input.areaCode], hierarchy)).get(input.areaCode);
      if (!placement) throw new BadUserInputError(`${at}: unknown area "${input.areaCode}" in hierarchy ${hierarchy}`, { field: `${at}.areaCode` });
      await scope.assertContains([input.areaCode], "define agencies", hierarchy);
      const nameVi = input.nameVi.trim();
      if (nameVi === "") throw new BadUserInputError(`${at}: nameVi is empty`, { field: `${at}.nameVi` });
      agencies.push({
        code: input.code,
        hierarchy,
        areaCode: input.areaCode,
        level: placement.level,
        kind: input.kind,
        name: input.name?.trim() || nameVi,
        nameVi,
        aliases: [...new Set((input.aliases ?? []).map((alias) => alias.trim()).filter((alias) => alias !== ""))],
      });
    }
    await this.rejectNameClashes(agencies);
    return (await this.store.upsert(agencies)).map(toAgency);
  }

  /** Two agencies of one area may not share a name: a document naming it could not say which. */
  private async rejectNameClashes(agencies: readonly NewAgency[]): Promise<void> {
    const existing = [];
    for (const hierarchy of new Set(agencies.map((a) => a.hierarchy))) {
      existing.push(...(await this.store.findAtAreas(hierarchy, [...new Set(agencies.filter((a) => a.hierarchy === hierarchy).map((a) => a.areaCode))])));
    }
    const incoming = new Set(agencies.map((a) => a.code));
    const owners = new Map<string, string>();
    for (const agency of [...existing.filter((a) => !incoming.has(a.code)), ...agencies]) {
      const key = `${agency.hierarchy}|${agency.areaCode}|${agencyNameKey(agency.nameVi)}`;
      const owner = owners.get(key);
      if (owner && owner !== agency.code)
        throw new BadUserInputError(`agencies ${owner} and ${agency.code} of area ${agency.areaCode} would both be named "${agency.nameVi}"`, {
          field: "nameVi",
        });
      owners.set(key, agency.code);
    }
  }
}
