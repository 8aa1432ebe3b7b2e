// Declares the tests of a file that need something the checkout may lack (the national lists, a browser).
// Where it is found they run; where it is not, and not required, they are declared skipped, so jest's
// summary counts them, and one line says how many did not run and what to do. Where it is required (CI),
// finding it absent throws, failing the file instead of skipping it unnoticed.
import path from "node:path";
import { repoRoot } from "../config";

type Block = (title: string, body: () => void) => void;
type Declare = (...args: never[]) => unknown;
/** jest's globals, typed here so the helper builds without jest's types. */
export interface JestGlobals {
  describe: Block & { skip: Block };
  it: Declare;
  test: Declare;
}

export interface Prerequisite<T> {
  /** What the tests need, or undefined when it is absent; throws when it is required and absent. */
  find(): T | undefined;
  /** What the body receives to declare its tests when the prerequisite is absent. */
  placeholder(): T;
  /** The one line said when the tests do not run, e.g. "national lists not found at …". */
  absence: string;
  /** What to do about it, e.g. "set NATIONAL_DATA_DIR". */
  remedy: string;
}

export interface PrerequisiteSuiteOptions {
  /** Where the skip notice goes (stderr: one line, without jest's console decoration). */
  notice?: (line: string) => void;
  globals?: JestGlobals;
}

/**
 * `body` must use what it receives only in hooks and tests: it also runs, to declare the skipped tests,
 * when the prerequisite is absent. `testFile` is the caller's `__filename`.
 */
export function describeWithPrerequisite<T>(
  testFile: string,
  title: string,
  prerequisite: Prerequisite<T>,
  body: (found: T) => void,
  options: PrerequisiteSuiteOptions = {},
): void {
  const { notice = (line) => process.stderr.write(`${line}\n`) } = options;
  const g = options.globals ?? (globalThis as unknown as JestGlobals);
  const found = prerequisite.find();
  if (found !== undefined) {
    g.describe(title, () => body(found));
    return;
  }

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
      body(prerequisite.placeholder());
    } finally {
      g.it = it;
      g.test = test;
    }
  });
  notice(`${prerequisite.absence}: ${declared} test${declared === 1 ? "" : "s"} of ${path.relative(repoRoot, testFile)} not run (${prerequisite.remedy})`);
}
