// A target's GraphQL id names the target and the year it is assessed at: lists of different years
// assess one target differently (actual, progress), so client caches and routers must keep them apart
// (decision 0091). The stored target's own id stays the part before the year.

export interface TargetAssessment {
  targetId: string;
  /** Absent in a bare target id: the target's own period. */
  assessedPeriod?: string;
}

export const targetAssessmentId = (targetId: string, assessedPeriod: string): string => `${targetId}:${assessedPeriod}`;

/** "<target id>:<year>", or a bare target id (what clients had before ids named the year). */
export function parseTargetAssessmentId(id: string): TargetAssessment {
  const at = id.lastIndexOf(":");
  return at > 0 ? { targetId: id.slice(0, at), assessedPeriod: id.slice(at + 1) } : { targetId: id };
}
