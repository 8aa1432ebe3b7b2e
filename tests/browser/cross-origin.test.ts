// A dashboard on another origin, as a browser runs it: a page served from another port queries the
// gateway with a bearer token and renders the answer; a gateway that does not allow that origin
// leaves the page unable to read anything.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Role, type RunningServer, createTokenVerifier, loadAuthConfig } from "@vnge/shared";
import { startGateway } from "@vnge/gateway";
import { type TestSystem, startTestSystem, tokenFor } from "../testkit";
import { type Chromium, describeInChromium, launchChromium } from "./chromium";

const QUERY = `{ area(code: "38") { name children { code } } }`;

/** The dashboard page: its script asks `gateway` and writes the answer (or the failure) into #answer. */
function dashboardPage(gateway: string, token: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>dashboard</title></head><body>
<p id="answer">waiting</p><p id="request-id"></p><p id="cache"></p>
<script>
fetch(${JSON.stringify(gateway)}, {
  method: "POST",
  headers: { "content-type": "application/json", authorization: "Bearer ${token}", "x-request-id": "dashboard-1" },
  body: JSON.stringify({ query: ${JSON.stringify(QUERY)} }),
}).then(function (response) {
  document.getElementById("request-id").textContent = response.headers.get("x-request-id") || "";
  document.getElementById("cache").textContent = response.headers.get("x-response-cache") || "";
  return response.json();
}).then(function (body) {
  var area = body.data.area;
  document.getElementById("answer").textContent = area.name + ": " + area.children.length + " districts";
}, function (error) {
  document.getElementById("answer").textContent = "failed: " + error.name;
});
</script></body></html>`;
}

/** A static server on another port: another origin than the gateway's, as a dashboard's host is. */
async function serveDashboard(html: () => string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describeInChromium(__filename, "a dashboard on another origin in Chromium", () => {
  let system: TestSystem;
  let browser: Chromium;
  let elsewhere: RunningServer;
  let gatewayUrl = "";
  let token = "";
  let dashboard: Awaited<ReturnType<typeof serveDashboard>>;
  const savedOrigins = process.env.CORS_ORIGINS;

  beforeAll(async () => {
    system = await startTestSystem();
    token = await tokenFor({ subject: "dashboard-user", roles: [Role.ANALYST], areaCodes: ["VN"] });
    // The same subgraphs behind a gateway that allows only a production dashboard's origin.
    process.env.CORS_ORIGINS = "https://dashboard.example.gov.vn";
    elsewhere = await startGateway({
      verifyToken: createTokenVerifier(loadAuthConfig()),
      port: 0,
      subgraphUrls: system.subgraphUrls as Record<string, string>,
    });
    if (savedOrigins === undefined) delete process.env.CORS_ORIGINS;
    else process.env.CORS_ORIGINS = savedOrigins;
    gatewayUrl = system.gatewayUrl!;
    dashboard = await serveDashboard(() => dashboardPage(gatewayUrl, token));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
    await elsewhere?.close();
    await system?.close();
  });

  it("queries the gateway with a token and renders the answer, reading the exposed headers", async () => {
    const expected = await system.gateway.request<{ area: { name: string; children: unknown[] } }>(QUERY);
    const page = await browser.context.newPage();
    gatewayUrl = system.gatewayUrl!;
    await page.goto(dashboard.url);
    const answer = page.locator("#answer");
    await answer.filter({ hasNotText: "waiting" }).waitFor();
    expect(await answer.textContent()).toBe(`${expected.area.name}: ${expected.area.children.length} districts`);
    expect(await page.locator("#request-id").textContent()).toBe("dashboard-1");
    expect(["HIT", "MISS"]).toContain(await page.locator("#cache").textContent());
    await page.close();
  });

  it("cannot read the gateway's answer when the gateway does not allow its origin", async () => {
    const page = await browser.context.newPage();
    gatewayUrl = elsewhere.url;
    await page.goto(dashboard.url);
    const answer = page.locator("#answer");
    await answer.filter({ hasNotText: "waiting" }).waitFor();
    expect(await answer.textContent()).toBe("failed: TypeError");
    await page.close();
  });
});
