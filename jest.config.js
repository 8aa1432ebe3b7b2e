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
  testPathIgnorePatterns: ["/node_modules/", ...(process.env.TEST_DATABASE_URL ? [] : ["\\.postgres\\.test\\.ts$"])],
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
};
