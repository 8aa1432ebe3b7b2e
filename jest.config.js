// One jest run over every workspace. TypeScript is transpiled per file (no type-check here:
// `npm run typecheck` does that), and @vnge/* resolve to sources so tests need no build.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  testMatch: [
    "<rootDir>/tests/**/*.test.ts",
    "<rootDir>/{shared,gateway,scripts}/src/**/__tests__/**/*.test.ts",
    "<rootDir>/subgraphs/*/src/**/__tests__/**/*.test.ts",
  ],
  // *.postgres.test.ts need a PostgreSQL server (e.g. to cut its connection); they run when TEST_DATABASE_URL is set.
  // What a person sees (tests/browser, tests/documents) is tested once, on the embedded database: the pages and
  // documents read the API, whose answers the rest of the suite checks on both databases.
  testPathIgnorePatterns: ["/node_modules/", ...(process.env.TEST_DATABASE_URL ? ["/tests/browser/", "/tests/documents/"] : ["\\.postgres\\.test\\.ts$"])],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.json", diagnostics: false }],
  },
  moduleNameMapper: {
    "^@vnge/shared$": "<rootDir>/shared/src",
    "^@vnge/shared/(.*)$": "<rootDir>/shared/src/$1",
    "^@vnge/gateway$": "<rootDir>/gateway/src",
    "^@vnge/system$": "<rootDir>/scripts/src",
    "^@vnge/(indicators|plans|cases|communications)$": "<rootDir>/subgraphs/$1/src",
    "^@vnge/(indicators|plans|cases|communications)/(.*)$": "<rootDir>/subgraphs/$1/src/$2",
  },
  setupFiles: ["reflect-metadata", "<rootDir>/tests/setup-env.ts"],
  reporters: ["default", "<rootDir>/tests/summary-reporter.js"],
  testTimeout: 120000,
  // Files run in two workers (tests/run-suite.js); a worker that has grown past this after a file (PGlite's memory is
  // not all given back) is replaced, where it would otherwise slow every later file with garbage collection.
  workerIdleMemoryLimit: "1GB",
};
