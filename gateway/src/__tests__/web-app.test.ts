// The web application's files as the gateway serves them, and the development token route's checks.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { createTokenVerifier } from "@vnge/shared";
import { devTokenRoute } from "../http/dev-token";
import { WebApp } from "../http/web-app";

describe("WebApp", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vnge-web-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is absent until the application is built", () => {
    expect(WebApp.load(dir)).toBeNull();
    expect(WebApp.load(path.join(dir, "no-such-build"))).toBeNull();
  });

  it("serves index.html as the page and the built files at their paths, nothing else", () => {
    fs.mkdirSync(path.join(dir, "assets"));
    fs.writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>x</title>");
    fs.writeFileSync(path.join(dir, "assets", "index-1a2b.js"), "console.log(1)");
    fs.writeFileSync(path.join(dir, "assets", "notes.txt"), "not served");
    const app = WebApp.load(dir)!;
    expect(app.page().contentType).toBe("text/html; charset=utf-8");
    expect(app.file("/assets/index-1a2b.js")?.contentType).toBe("text/javascript; charset=utf-8");
    for (const missing of ["/", "/graphql", "/assets/notes.txt", "/assets/../index.html", "/constructor"])
      expect([missing, app.file(missing)]).toEqual([missing, undefined]);
  });
});

describe("POST /dev/token", () => {
  const signing = { secret: new TextEncoder().encode("a-secret-for-this-test-only-0123456789"), issuer: "vnge", audience: "vnge-api" };
  let server: http.Server;
  let url = "";
  beforeAll(async () => {
    const route = devTokenRoute(signing);
    server = http.createServer((req, res) => void route(req, res, {} as never, new URL(req.url ?? "/", "http://localhost")));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dev/token`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = async (body: string) => {
    const response = await fetch(url, { method: "POST", body });
    return { status: response.status, body: (await response.json()) as { token?: string; errors?: { message: string }[] } };
  };

  it("signs a token for a role and an area", async () => {
    const { status, body } = await post(JSON.stringify({ roles: ["DATA_ENTRY"], areaCodes: ["38"] }));
    expect(status).toBe(200);
    const verify = createTokenVerifier({
      ...signing,
      internalSecret: new TextEncoder().encode("another-secret-for-this-test-0123456789"),
      internalTokenTtl: 60,
    });
    const identity = await verify(body.token!);
    expect({ subject: identity.subject, roles: [...identity.roles], areaCodes: identity.areaCodes }).toEqual({
      subject: "dev-data_entry",
      roles: ["DATA_ENTRY"],
      areaCodes: ["38"],
    });
  });

  it("refuses unknown roles, odd area codes and bodies that are not JSON, naming the problem", async () => {
    expect(await post(JSON.stringify({ roles: ["ROOT"], areaCodes: ["VN"] }))).toMatchObject({
      status: 400,
      body: { errors: [{ message: expect.stringContaining("roles") }] },
    });
    expect(await post(JSON.stringify({ roles: ["ADMIN"], areaCodes: ["38; drop"] }))).toMatchObject({
      status: 400,
      body: { errors: [{ message: expect.stringContaining("areaCodes") }] },
    });
    expect(await post("{")).toMatchObject({ status: 400, body: { errors: [{ message: "request body is not valid JSON" }] } });
  });
});
