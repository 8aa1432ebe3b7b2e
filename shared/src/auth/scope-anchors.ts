// Which area an assigned code names (docs/decisions/0079-scope-across-hierarchy-versions.md). Codes repeat
// across hierarchy versions ("08" is Tuyên Quang before the 2025 reform and the merged Tuyên Quang after it),
// and a token carries codes only, so each assigned code names one area: the area of the version in force
// today when the code exists there, otherwise the area of the newest version that had it (an abolished unit).
import type { HierarchyTimeline } from "../areas/hierarchy-timeline";

/** An assigned area: a code of one version. */
export interface ScopeAnchor {
  code: string;
  hierarchy: string;
}

/** `versionsOf`: the versions each assigned code is an area of. Codes of no version name nothing. */
export function scopeAnchors(
  assigned: readonly string[],
  versionsOf: ReadonlyMap<string, readonly string[]>,
  timeline: HierarchyTimeline,
  today?: Date,
): ScopeAnchor[] {
  const current = timeline.current(today).code;
  const order = timeline.versions.map((version) => version.code);
  const anchors: ScopeAnchor[] = [];
  for (const code of new Set(assigned)) {
    const versions = versionsOf.get(code) ?? [];
    if (versions.length === 0) continue;
    const hierarchy = versions.includes(current) ? current : [...versions].sort((a, b) => order.indexOf(b) - order.indexOf(a))[0];
    anchors.push({ code, hierarchy });
  }
  return anchors;
}
