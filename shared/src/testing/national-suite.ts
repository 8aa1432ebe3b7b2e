// Declares the tests of a file that need the national lists (a prerequisite suite: they run where the lists
// are found, are declared skipped with one line where they are not, and fail where they are required).
import { describeWithPrerequisite, type JestGlobals } from "./prerequisite-suite";
import { findNationalData, locateNationalData, NATIONAL_DATA_VARIABLE, type NationalData } from "./national-data";

export type { JestGlobals };

export interface NationalSuiteOptions {
  env?: NodeJS.ProcessEnv;
  /** Where the skip notice goes (stderr: one line, without jest's console decoration). */
  notice?: (line: string) => void;
  globals?: JestGlobals;
}

/**
 * `body` receives the files' paths and must read them only in hooks and tests: it also runs, to declare
 * the skipped tests, when the files are absent. `testFile` is the caller's `__filename`.
 */
export function describeWithNationalData(testFile: string, title: string, body: (data: NationalData) => void, options: NationalSuiteOptions = {}): void {
  const { env = process.env, ...suite } = options;
  const placeholder = locateNationalData(env);
  describeWithPrerequisite(
    testFile,
    title,
    {
      find: () => findNationalData(env),
      placeholder: () => placeholder,
      absence: `national lists not found at ${placeholder.dir}`,
      remedy: `set ${NATIONAL_DATA_VARIABLE}`,
    },
    body,
    suite,
  );
}
