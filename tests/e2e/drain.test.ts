// A copy told to stop behind a load balancer drains first: its readiness fails, so the balancer takes it out of
// rotation, while it still answers what reaches it and closes each connection after the answer.
import { type TestSystem, authHeader, postGraphQL, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

const base = (url: string) => url.replace(/\/graphql$/, "");

it("is ready until it drains, then fails readiness on every service while it goes on answering", async () => {
  const urls = [system.gatewayUrl!, ...Object.values(system.subgraphUrls)];
  for (const url of urls) expect((await fetch(`${base(url)}/readyz`)).status).toBe(200);

  system.drain();

  for (const url of urls) {
    const readiness = await fetch(`${base(url)}/readyz`);
    expect(readiness.status).toBe(503);
    expect(await readiness.json()).toMatchObject({ status: "draining" });
    // liveness is another question: the process is well and must not be killed for draining
    expect((await fetch(`${base(url)}/healthz`)).status).toBe(200);
  }
  const answer = await postGraphQL(system.gatewayUrl!, `{ area(code: "38") { name } }`, undefined, await authHeader());
  expect(answer.status).toBe(200);
  expect(answer.body.data).toEqual({ area: { name: "Thanh Hóa" } });
  expect(answer.headers.get("connection")).toBe("close");
});
