// Shared wrapper for the command-line tools: prints a clear message and exits non-zero on failure.
/** A tool's main: resolves to its exit code, or to nothing for 0. */
export function runCli(main: (args: string[]) => Promise<unknown>): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(typeof code === "number" ? code : 0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}

export function hasFlag(args: string[], flag: string): boolean {
  return args.includes(flag);
}

export function flagValue(args: string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  if (index === -1) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith("--")) throw new Error(`${flag} needs a value`);
  return value;
}
