// Settings of the cases subgraph, read from the environment.

/** Published counts below this are suppressed for callers who are not case workers in scope (default 5). */
export function suppressionThreshold(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CASE_SUPPRESSION_THRESHOLD;
  if (raw === undefined || raw === "") return 5;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`CASE_SUPPRESSION_THRESHOLD must be a whole number >= 1, got "${raw}"`);
  return value;
}
