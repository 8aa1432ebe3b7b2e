// npm run bench:web -- [--runs <n>] [--chromium <path>]
// The web application's first view and bundle, as a person meets them: the whole demo on the embedded database, the
// app built by `npm run build`, Debian's Chromium (or --chromium / CHROMIUM_PATH) loading the dashboard with a token
// already in the tab, `runs` times after one warm-up load. Prints the time from navigation start to the national
// table's figures on screen (the page's `vnge:first-view` mark) and the gzip size of the assets.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { Role, loadAuthConfig, openDatabase, repoRoot, signToken } from "@vnge/shared";
import { chromium } from "playwright-core";
import { flagValue, runCli } from "../cli/run";
import { startSystem } from "../system";

const ASSETS = path.join(repoRoot, "web", "dist", "assets");
/** The tab's token, where the app keeps it (web/src/api.ts). */
const TOKEN_KEY = "vnge.token";

runCli(async (args) => {
  const runs = Number(flagValue(args, "--runs") ?? "10");
  if (!(Number.isInteger(runs) && runs > 0)) throw new Error("--runs must be a whole number > 0");
  const executablePath = flagValue(args, "--chromium") ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(executablePath)) throw new Error(`no browser at ${executablePath}: apt-get install -y chromium, or give --chromium <path>`);
  if (!fs.existsSync(ASSETS)) throw new Error("the web application is not built: npm run build");
  const assets = fs.readdirSync(ASSETS);
  const gzip = assets.reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.join(ASSETS, file)), { level: 9 }).length, 0);
  console.log(`machine: ${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? "unknown CPU"}; Node ${process.version}; ${executablePath}`);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vnge-web-bench-db-"));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "vnge-web-bench-chromium-"));
  const db = await openDatabase({ poolSize: 1, dataDir });
  const system = await startSystem({ db, seedDemo: true, ports: "random" });
  const browser = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const auth = loadAuthConfig();
    const token = await signToken(
      { subject: "bench", roles: [Role.ADMIN], areaCodes: ["VN"] },
      { secret: auth.secret!, issuer: auth.issuer, audience: auth.audience, expiresInSeconds: 3600 },
    );
    const base = system.gatewayUrl!.replace(/\/graphql$/, "");
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    // A string evaluated in the page: scripts/ is built without the DOM's types.
    await page.evaluate(`sessionStorage.setItem(${JSON.stringify(TOKEN_KEY)}, ${JSON.stringify(token)})`);
    const times: number[] = [];
    for (let i = 0; i <= runs; i++) {
      await page.reload();
      await page.waitForSelector("main[data-ready]");
      const firstView = Number(await page.evaluate(`performance.getEntriesByName("vnge:first-view")[0]?.startTime ?? NaN`));
      if (!Number.isFinite(firstView)) throw new Error("the dashboard did not mark its first view: is the token accepted?");
      if (i > 0) times.push(firstView);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    console.log(`assets: ${assets.join(", ")}: ${(gzip / 1024).toFixed(1)} KiB gzip -9`);
    console.log(
      `first view over ${runs} loads: median ${median.toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times.at(-1)!.toFixed(0)}); target 1,000 ms: ${median < 1000 ? "met" : "not met"}`,
    );
  } finally {
    await browser.close();
    await system.stop();
    await db.close();
    fs.rmSync(profile, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
