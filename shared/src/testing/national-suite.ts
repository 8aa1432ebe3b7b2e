// Declares the tests of a file that need the national lists. Where the lists are found they run; where
// they are not (and not required), they are declared skipped, so jest's summary counts them, and one
// line says how many did not run and where the lists were looked for.
import path from "node:path";
import { repoRoot } from "../config";
import { findNationalData, locateNationalData, NATIONAL_DATA_VARIABLE, type NationalData } from "./national-data";

type Block = (title: string, body: () => void) => void;
type Declare = (...args: never[]) => unknown;
/** jest's globals, typed here so the helper builds without jest's types. */
export interface JestGlobals {
  describe: Block & { skip: Block };
  it: Declare;
  test: Declare;
}

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
  const { env = process.env, notice = (line) => process.stderr.write(`${line}\n`) } = options;
  const g = options.globals ?? (globalThis as unknown as JestGlobals);
  const found = findNationalData(env);
  if (found) {
    g.describe(title, () => body(found));
    return;
  }

  const data = locateNationalData(env);
  let declared = 0;
  const counting = <F extends Declare>(declare: F): F =>
    new Proxy(declare, {
      apply: (target, self, args) => {
        declared++;
        return Reflect.apply(target, self, args);
      },
    });
  g.describe.skip(title, () => {
    const { it, test } = g;
    g.it = counting(it);
    g.test = counting(test);
    try {
      body(data);
    } finally {
      g.it = it;
      g.test = test;
    }
  });
  notice(
    `national lists not found at ${data.dir}: ${declared} test${declared === 1 ? "" : "s"} of ${path.relative(repoRoot, testFile)} not run (set ${NATIONAL_DATA_VARIABLE})`,
  );
}
