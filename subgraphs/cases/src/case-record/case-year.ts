// Where a year's case records are counted (decision 0078): a yearly period belongs to the hierarchy version
// in force on 31 December, and a record detected while an earlier version was in force (its commune is a
// commune of that version) is counted in the commune of the year's version its commune became. Every
// record of a year is thus counted exactly once, in one commune of one version.
import type { AreaDirectory, AreaSuccession, HierarchyTimeline } from "@vnge/shared";

/** Days of the year during which one version was in force: [from, to). */
export interface Stretch {
  version: string;
  from: string;
  to: string;
}

/** Records detected in [from, to) in communes `areaCodes` (codes of the version then in force). */
export interface RecordWindow {
  /** The version in force during the window, whose codes `areaCodes` are. */
  version: string;
  areaCodes: string[];
  from: string;
  to: string;
}

/** The stretches of a year (oldest first, the last one the year's version) and the versions from the first to the last. */
export function yearStretches(timeline: HierarchyTimeline, year: number): { stretches: Stretch[]; chain: string[] } {
  const start = `${year}-01-01`;
  const end = `${year + 1}-01-01`;
  const stretches: Stretch[] = [];
  const chain: string[] = [];
  timeline.versions.forEach((version, i) => {
    const next = timeline.versions[i + 1]?.validFrom ?? null;
    const from = version.validFrom && version.validFrom > start ? version.validFrom : start;
    const to = next && next < end ? next : end;
    if (from < to) {
      stretches.push({ version: version.code, from, to });
      chain.push(version.code);
    }
  });
  if (stretches.length === 0) throw new Error("no hierarchy version is defined");
  return { stretches, chain };
}

export class CaseYear {
  private constructor(
    readonly year: number,
    /** The version the year's figures are counted on. */
    readonly version: string,
    /** Oldest first; the last is the year's version. */
    readonly stretches: readonly Stretch[],
    /** The versions of the stretches, in order: a record's commune is carried through each reform between them. */
    private readonly chain: readonly string[],
    private readonly succession: AreaSuccession,
  ) {}

  /** The year as the request's areas `areas` count it. */
  static async of(areas: AreaDirectory, year: number): Promise<CaseYear> {
    const { stretches, chain } = yearStretches(await areas.timeline(), year);
    return new CaseYear(year, stretches[stretches.length - 1].version, stretches, chain, areas.succession);
  }

  /** For communes of `version` (one of the year's), the commune of the year's version each is counted in; unmapped ones are absent. */
  async countedIn(codes: readonly string[], version: string): Promise<Map<string, string>> {
    let reached = new Map(codes.map((code) => [code, code]));
    for (let i = this.chain.indexOf(version); i >= 0 && i < this.chain.length - 1; i++) {
      const step = await this.succession.successorCommunes([...new Set(reached.values())], this.chain[i], this.chain[i + 1]);
      reached = new Map([...reached].flatMap(([code, at]) => (step.has(at) ? [[code, step.get(at)!] as const] : [])));
    }
    return reached;
  }

  /** The records counted in `communes` (communes of the year's version): one window per stretch. */
  async windowsFor(communes: readonly string[]): Promise<RecordWindow[]> {
    const wanted = new Set(communes);
    const windows: RecordWindow[] = [];
    for (const stretch of this.stretches) {
      if (stretch.version === this.version) {
        windows.push({ version: stretch.version, areaCodes: [...wanted], from: stretch.from, to: stretch.to });
        continue;
      }
      // Walk back to the stretch's version, then keep the communes whose chosen successor is wanted.
      let candidates = [...wanted];
      for (let i = this.chain.length - 1; i > this.chain.indexOf(stretch.version) && candidates.length > 0; i--) {
        const step = await this.succession.predecessorCommunes(candidates, this.chain[i], this.chain[i - 1]);
        candidates = [...new Set([...step.values()].flat())];
      }
      const counted = await this.countedIn(candidates, stretch.version);
      const areaCodes = candidates.filter((code) => wanted.has(counted.get(code) ?? ""));
      if (areaCodes.length > 0) windows.push({ version: stretch.version, areaCodes, from: stretch.from, to: stretch.to });
    }
    return windows;
  }
}

/** Why an area of another version cannot answer for a year (its figures are on the year's own version). */
export const yearVersionMismatch = (what: string, period: string, version: string, areaCode: string, hierarchy: string) =>
  `${what} of ${period} are counted on the areas of hierarchy ${version}, in force at the end of the year; ` +
  `area ${areaCode} was asked for in hierarchy ${hierarchy}: ask for an area of hierarchy ${version}`;
