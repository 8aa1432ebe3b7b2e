// Headless Chromium for the browser tests: Debian's package (`apt-get install -y chromium`), driven
// by playwright-core, with a fresh profile per launch and nothing reaching out on its own (no sync,
// component updates or background requests). Without /usr/bin/chromium the tests are skipped,
// except in CI, where they fail.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";

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

/** `describe` when Chromium is installed; otherwise a skip announced in one line, or a failure in CI. */
export function describeInChromium(name: string, tests: () => void): void {
  if (fs.existsSync(CHROMIUM_PATH)) {
    describe(name, tests);
    return;
  }
  if (process.env.CI) {
    describe(name, () => {
      it("needs Chromium", () => {
        throw new Error(`${CHROMIUM_PATH} is missing: install it with apt-get update && apt-get install -y chromium`);
      });
    });
    return;
  }
  process.stdout.write(`browser tests skipped: ${CHROMIUM_PATH} is absent (apt-get install -y chromium)\n`);
  describe.skip(name, tests);
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
