// The explorer: served by the gateway from installed packages only (nothing from another host), at
// GET /graphql for a browser, off in production unless EXPLORER=on.
import { createTokenVerifier, loadAuthConfig } from "@vnge/shared";
import { startGateway } from "@vnge/gateway";
import { type TestSystem, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

describe("the explorer", () => {
  it("is what a browser gets at /graphql, and every file it loads comes from the gateway", async () => {
    const page = await fetch(system.gatewayUrl!, { headers: { accept: BROWSER_ACCEPT } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("content-security-policy")).toMatch(/script-src 'self'/);
    expect(page.headers.get("vary")).toMatch(/accept/);
    const html = await page.text();
    expect(html).toContain('id="explorer-token"');
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(references.length).toBeGreaterThanOrEqual(5);
    for (const reference of references) {
      expect(reference).toMatch(/^\/explorer\//);
      const file = await fetch(new URL(reference, system.gatewayUrl!));
      expect([reference, file.status]).toEqual([reference, 200]);
      expect(file.headers.get("content-type")).toMatch(reference.endsWith(".css") ? /^text\/css/ : /^text\/javascript/);
      const text = await file.text();
      expect(text.length).toBeGreaterThan(100);
      // No file fetches anything from elsewhere at run time (fonts and images are inlined).
      expect(text).not.toMatch(/(?:src|href)\s*=\s*["']https?:\/\/|@import\s+url\(\s*["']?https?:|url\(\s*["']?https?:\/\//);
    }
  });

  it("ships GraphiQL's and React's own files from node_modules, compressed for the browser", async () => {
    const graphiql = await fetch(new URL("/explorer/graphiql.min.js", system.gatewayUrl!), { headers: { "accept-encoding": "br" } });
    expect(graphiql.headers.get("content-encoding")).toBe("br");
    const text = await graphiql.text();
    expect(text).toContain("GraphiQL");
    expect(text.length).toBeGreaterThan(500_000);
    expect((await fetch(new URL("/explorer/react.production.min.js", system.gatewayUrl!))).status).toBe(200);
    for (const missing of ["/explorer/no-such-file.js", "/explorer/constructor", "/explorer/__proto__", "/explorer/../package.json"]) {
      expect([missing, (await fetch(new URL(missing, system.gatewayUrl!))).status]).toEqual([missing, 404]);
    }
  });

  it("leaves GraphQL GET requests and JSON clients alone", async () => {
    const json = await fetch(system.gatewayUrl!, { headers: { accept: "application/json" } });
    expect(json.status).toBe(400);
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
  });
});

describe("the explorer in production", () => {
  const savedExplorer = process.env.EXPLORER;
  afterEach(() => {
    if (savedExplorer === undefined) delete process.env.EXPLORER;
    else process.env.EXPLORER = savedExplorer;
  });

  async function pageStatus(explorer: string | undefined): Promise<{ page: number; file: number }> {
    if (explorer === undefined) delete process.env.EXPLORER;
    else process.env.EXPLORER = explorer;
    const gateway = await startGateway({
      verifyToken: createTokenVerifier(loadAuthConfig()),
      port: 0,
      production: true,
      subgraphUrls: system.subgraphUrls as Record<string, string>,
    });
    try {
      const page = await fetch(gateway.url, { headers: { accept: BROWSER_ACCEPT } });
      const file = await fetch(new URL("/explorer/graphiql.min.js", gateway.url));
      return { page: page.status, file: file.status };
    } finally {
      await gateway.close();
    }
  }

  it("is off unless EXPLORER=on, and never Apollo's landing page from a CDN", async () => {
    expect(await pageStatus(undefined)).toEqual({ page: 400, file: 404 });
    expect(await pageStatus("on")).toEqual({ page: 200, file: 200 });
  });
});
