// Query parameters of plain HTTP routes, read strictly: a misspelt name or an unknown value is
// refused with BAD_USER_INPUT naming the parameter, before anything is read or written
// (docs/decisions/0112-value-file-variants.md).
import { BadUserInputError } from "../errors";

/** Refuses a parameter not in `known` (names are case-sensitive: `dryrun` is not `dryRun`) and one given twice. */
export function checkParameters(search: URLSearchParams, known: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of search.keys()) {
    if (!known.includes(name)) {
      const near = known.find((k) => k.toLowerCase() === name.toLowerCase());
      throw new BadUserInputError(`unknown parameter "${name}"${near ? `: did you mean "${near}"?` : ""} (parameters: ${known.join(", ")})`, { field: name });
    }
    if (seen.has(name)) throw new BadUserInputError(`parameter ${name} is given more than once`, { field: name });
    seen.add(name);
  }
}

const TRUE = ["true", "1", ""];
const FALSE = ["false", "0"];

/** A flag: true, false, 1 or 0 in any case, or the bare name (`?dryRun`) for true; absent is false. */
export function flagParameter(search: URLSearchParams, name: string): boolean {
  const raw = search.get(name);
  if (raw === null) return false;
  const value = raw.trim().toLowerCase();
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw new BadUserInputError(`${name} must be true, false, 1 or 0, got "${raw}"`, { field: name });
}

/** One of `allowed`, or `fallback` when absent. */
export function choiceParameter<T extends string>(search: URLSearchParams, name: string, allowed: readonly T[], fallback: T): T {
  const raw = search.get(name);
  if (raw === null) return fallback;
  if (!allowed.includes(raw as T)) throw new BadUserInputError(`${name} must be ${allowed.join(" or ")}, got "${raw}"`, { field: name });
  return raw as T;
}
