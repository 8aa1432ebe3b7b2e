// The explorer offline: Chromium loads it from the gateway with every request to another host than
// 127.0.0.1 blocked, a token goes in its field, and a query runs in it; the answer is read from the page.
import { type TestSystem, startTestSystem, tokenFor } from "../testkit";
import { type Chromium, describeInChromium, launchChromium } from "./chromium";

const QUERY = `{ area(code: "38") { code name children { name } } }`;
export const SCREENSHOT = "/tmp/vnge-explorer.png";

interface CodeMirrorHost {
  CodeMirror: { setValue(text: string): void };
}

describeInChromium(__filename, "the explorer in Chromium without a network", () => {
  let system: TestSystem;
  let browser: Chromium;
  const blocked: string[] = [];

  beforeAll(async () => {
    system = await startTestSystem();
    browser = await launchChromium();
    await browser.context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === "127.0.0.1") return route.continue();
      blocked.push(url.href);
      return route.abort("internetdisconnected");
    });
  });
  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  it("loads from the gateway alone, runs a query with the token given, and shows the answer", async () => {
    const expected = await system.gateway.request<{ area: { name: string; children: { name: string }[] } }>(QUERY);
    const page = await browser.context.newPage();
    const failures: string[] = [];
    page.on("pageerror", (error) => failures.push(error.message));
    page.on("requestfailed", (request) => failures.push(`${request.url()}: ${request.failure()?.errorText}`));

    await page.goto(system.gatewayUrl!);
    await page.locator(".graphiql-container").waitFor();
    await page.fill("#explorer-token", await tokenFor());
    await page.locator("#explorer-token").press("Tab");
    // GraphiQL's editors are CodeMirror 5 instances, reachable from their element.
    await page
      .locator(".graphiql-query-editor .CodeMirror")
      .evaluate((editor, query) => (editor as unknown as CodeMirrorHost).CodeMirror.setValue(query), QUERY);
    await page.locator(".graphiql-execute-button").click();
    const result = page.locator(".result-window");
    await result.filter({ hasText: expected.area.children[0].name }).waitFor();

    const shown = await result.textContent();
    expect(shown).toContain(`"name": "${expected.area.name}"`);
    expect(shown).toContain(`"name": "${expected.area.children[0].name}"`);
    await page.screenshot({ path: SCREENSHOT });
    expect(failures).toEqual([]);
    expect(blocked).toEqual([]);
    await page.close();
  });
});
