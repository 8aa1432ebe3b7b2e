// Declares the tests of a file that need something the checkout may lack (the national lists, a browser).
// Where it is found they run; where it is not, and not required, they are counted but not declared, one line
// says how many did not run and what to do, and one test checks that the prerequisite is indeed absent (jest
// wants a test in every file). Where it is required (CI), finding it absent throws, failing the file.
import path from "node:path";
import { repoRoot } from "../config";

type Block = (title: string, body: () => void) => void;
type Declare = (...args: never[]) => unknown;
const HOOKS = ["beforeAll", "afterAll", "beforeEach", "afterEach"] as const;
/** jest's globals, typed here so the helper builds without jest's types. */
export interface JestGlobals extends Partial<Record<(typeof HOOKS)[number], Declare>> {
  describe: Block;
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

  // The body runs with declaring stubbed out, to count its tests; its hooks and tests never run.
  let declared = 0;
  const stubbed = ["describe", "it", "test", ...HOOKS] as const;
  const saved = Object.fromEntries(stubbed.map((name) => [name, g[name]]));
  // it.each(table)(name, fn) declares a test per row of the table
  const count = Object.assign(
    () => {
      declared++;
    },
    {
      each: (table: readonly unknown[]) => () => {
        declared += table.length;
      },
    },
  ) as Declare;
  Object.assign(g, { describe: (_title: string, block: () => void) => block(), it: count, test: count });
  for (const hook of HOOKS) g[hook] = () => undefined;
  try {
    body(prerequisite.placeholder());
  } finally {
    Object.assign(g, saved);
  }
  const line = `${prerequisite.absence}: ${declared} test${declared === 1 ? "" : "s"} of ${path.relative(repoRoot, testFile)} not run (${prerequisite.remedy})`;
  notice(line);
  g.describe(title, () =>
    (g.it as (name: string, fn: () => void) => void)(line, () => {
      // Absent when the file was loaded: still absent, or its tests were wrongly left out.
      if (prerequisite.find() !== undefined) throw new Error(`${title}: found now, though absent when the file was loaded; run the file again`);
    }),
  );
}
