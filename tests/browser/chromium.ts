// Headless Chromium for the browser tests: Debian's package (`apt-get install -y chromium`), driven
// by playwright-core, with a fresh profile per launch and nothing reaching out on its own (no sync,
// component updates or background requests). Without /usr/bin/chromium the tests are skipped
// with one line (a prerequisite suite, as the national lists' tests are), except in CI, where they fail.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describeWithPrerequisite } from "@vnge/shared/testing";
import { type BrowserContext, chromium } from "playwright-core";

/** Debian's Chromium, or another build named by CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Chromium's path when it is installed; in CI its absence is an error, not a skip. */
function findChromium(): string | undefined {
  if (fs.existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (process.env.CI) throw new Error(`${CHROMIUM_PATH} is missing: install it with apt-get update && apt-get install -y chromium`);
  return undefined;
}

/** `describe` when Chromium is installed; otherwise a skip announced in one line, or a failure in CI. */
export function describeInChromium(testFile: string, name: string, tests: () => void): void {
  describeWithPrerequisite(
    testFile,
    name,
    { find: findChromium, placeholder: () => CHROMIUM_PATH, absence: `browser not found at ${CHROMIUM_PATH}`, remedy: "apt-get install -y chromium" },
    tests,
  );
}

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Chromium> {
  // playwright passes the profile directory as --user-data-dir itself.
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vnge-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
