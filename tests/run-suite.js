// npm test: jest over every workspace, in two workers. On a PostgreSQL server (TEST_DATABASE_URL) the
// *.postgres.test.ts files run first and one at a time: they start fleets of processes, cut connections and wait on
// health checks, and share the machine with nothing else. Arguments (`npm test -- <files or flags>`) are jest's own,
// and run once as given, one file at a time.
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const JEST = path.join(__dirname, "..", "node_modules", "jest", "bin", "jest.js");

const jest = (args) => spawnSync(process.execPath, ["--experimental-vm-modules", JEST, ...args], { stdio: "inherit" }).status ?? 1;

const args = process.argv.slice(2);
let status;
if (args.length > 0) status = jest(["--runInBand", ...args]);
else if (process.env.TEST_DATABASE_URL) {
  const alone = jest(["--runInBand", "--testPathPatterns", "\\.postgres\\.test\\.ts$"]);
  const together = jest(["--maxWorkers=2", "--testPathPatterns", "^(?!.*\\.postgres\\.test\\.ts$)"]);
  status = alone || together;
} else status = jest(["--maxWorkers=2"]);
process.exit(status);
