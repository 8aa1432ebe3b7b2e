// Area scope: a user's assigned areas and everything beneath them, in every hierarchy version. The hierarchy
// is reference data owned by the indicators subgraph; scope checks read it through the request's area
// directory (docs/decisions/0005, 0079, 0096).
import DataLoader from "dataloader";
import { ForbiddenError } from "../errors";
import type { AreaDirectory } from "../areas/area-directory";
import { type AreaHierarchy, selfAndAncestors } from "../areas/area-hierarchy";
import { NATION_CODE } from "../areas/levels";
import { type ScopeAnchor, scopeAnchors } from "./scope-anchors";

/** Loader key: a code within a hierarchy version ("" for the version in force today). */
const scopeKey = (code: string, hierarchy?: string) => `${hierarchy ?? ""}\u0000${code}`;

export class AreaScope {
  private readonly loader: DataLoader<string, boolean>;
  /** Per scope (one request): the assigned areas are read once; the versions once per directory. */
  private anchorsRead?: Promise<ScopeAnchor[]>;

  /**
   * Each assigned code names one area (scope-anchors.ts). An area of that area's version is in scope when it
   * is the assigned area or lies beneath it; an area of another version when it lies wholly inside an
   * assigned area per the reform's crosswalk (every unit it holds went entirely into it, or came entirely
   * from it), so that reading the same data on either version gives the same answer.
   */
  constructor(
    /** The request's areas, which the scope is read in. */
    readonly areas: AreaDirectory,
    readonly assigned: readonly string[],
  ) {
    this.loader = new DataLoader(async (keys) => {
      if (this.national) return keys.map(() => true);
      if (assigned.length === 0) return keys.map(() => false);
      const hierarchy = areas.hierarchy;
      const current = (await hierarchy.timeline()).current().code;
      const anchors = await this.anchors(hierarchy);
      const byVersion = new Map<string, string[]>();
      for (const key of keys) {
        const [version, code] = key.split("\u0000");
        const codes = byVersion.get(version || current);
        if (codes) codes.push(code);
        else byVersion.set(version || current, [code]);
      }
      const inScope = new Set<string>();
      for (const [version, codes] of byVersion) {
        for (const code of await this.inside(hierarchy, anchors, codes, version)) inScope.add(scopeKey(code, version));
      }
      return keys.map((key) => {
        const [version, code] = key.split("\u0000");
        return inScope.has(scopeKey(code, version || current));
      });
    });
  }

  /** The assigned areas, each a code of one version; read once per scope. */
  private anchors(hierarchy: AreaHierarchy): Promise<ScopeAnchor[]> {
    this.anchorsRead ??= (async () => scopeAnchors(this.assigned, await hierarchy.versionsOf(this.assigned), await hierarchy.timeline()))();
    return this.anchorsRead;
  }

  /** The codes among `codes` (areas of `version`) in scope: beneath an anchor of that version, or wholly inside one of another. */
  private async inside(hierarchy: AreaHierarchy, anchors: readonly ScopeAnchor[], codes: readonly string[], version: string): Promise<string[]> {
    const found = new Set<string>();
    const here = anchors.filter((anchor) => anchor.hierarchy === version).map((anchor) => anchor.code);
    if (here.length > 0) {
      const placements = await hierarchy.placements(codes, version);
      for (const code of codes) {
        const placement = placements.get(code);
        if (placement !== undefined && selfAndAncestors(placement).some((ancestor) => here.includes(ancestor))) found.add(code);
      }
    }
    const elsewhere = new Map<string, string[]>();
    for (const anchor of anchors) if (anchor.hierarchy !== version) elsewhere.set(anchor.hierarchy, [...(elsewhere.get(anchor.hierarchy) ?? []), anchor.code]);
    const rest = codes.filter((code) => !found.has(code));
    const succession = this.areas.succession;
    for (const [anchorVersion, containers] of elsewhere) {
      if (rest.length === 0) break;
      for (const code of await succession.whollyInside(rest, version, containers, anchorVersion)) found.add(code);
    }
    return [...found];
  }

  get national(): boolean {
    return this.assigned.includes(NATION_CODE);
  }

  contains(code: string, hierarchy?: string): Promise<boolean> {
    return this.loader.load(scopeKey(code, hierarchy));
  }

  /** The codes among `codes` (of `hierarchy`, or the version in force today) that are outside the scope (one query for all of them). */
  async outside(codes: readonly string[], hierarchy?: string): Promise<string[]> {
    const unique = [...new Set(codes)];
    const inside = await this.loader.loadMany(unique.map((code) => scopeKey(code, hierarchy)));
    return unique.filter((_, i) => inside[i] !== true);
  }

  /** Throws FORBIDDEN naming the areas outside the scope; `action` says what was attempted. */
  async assertContains(codes: readonly string[], action: string, hierarchy?: string): Promise<void> {
    const outside = await this.outside(codes, hierarchy);
    if (outside.length === 0) return;
    const shown = outside.slice(0, 10).join(", ") + (outside.length > 10 ? ` and ${outside.length - 10} more` : "");
    throw new ForbiddenError(`You may not ${action} for area${outside.length === 1 ? "" : "s"} ${shown}: outside your assigned areas`, {
      areaCodes: outside.slice(0, 100),
    });
  }
}
