// deploy/ checked as far as a machine without a container engine can: the image runs the command `npm start` runs,
// the compose file starts every service as that image with settings the services accept, its balancer is given
// every copy haproxy.cfg names, and HAProxy itself accepts the configuration (`haproxy -c`, as CI installs it).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { loadAuthConfig, loadConfig, repoRoot } from "@vnge/shared";
import { parse } from "yaml";
import { SERVICE_NAMES } from "@vnge/system";
import { COPIES, DEPLOY_DIR, SERVICES, describeWithHAProxy, imageCommand } from "./fleet";

interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, unknown>;
}

const compose = parse(fs.readFileSync(path.join(DEPLOY_DIR, "compose.yaml"), "utf8"), { merge: true }) as { services: Record<string, ComposeService> };
const haproxyConfig = fs.readFileSync(path.join(DEPLOY_DIR, "haproxy.cfg"), "utf8");
const copies = Object.entries(compose.services).filter(([, service]) => service.image === "vnge-supergraph");
/** `${NAME}` and `${NAME-default}` in haproxy.cfg, those without a default being the ones the balancer must be given. */
const placeholders = [...haproxyConfig.matchAll(/"\$\{([A-Z0-9_]+)(-[^}]*)?\}"/g)].map((m) => ({ name: m[1], required: m[2] === undefined }));

it("runs the image with the command npm start runs", () => {
  const start = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")).scripts.start as string;
  expect(start).toContain(["node", ...imageCommand()].join(" "));
});

it("starts two copies of every service from the image, each with a service the start command knows", () => {
  const byService = new Map<string, number>();
  for (const [, service] of copies) {
    const [flag, name] = service.command ?? [];
    expect(flag).toBe("--only");
    expect(SERVICE_NAMES).toContain(name);
    byService.set(name, (byService.get(name) ?? 0) + 1);
  }
  expect(Object.fromEntries(byService)).toEqual(Object.fromEntries(SERVICES.map((name) => [name, COPIES])));
});

it("gives every copy settings the services accept in production, with the subgraphs reached through the balancer", () => {
  for (const [, service] of copies) {
    const env = { ...service.environment, AUTH_INTERNAL_SECRET: "s".repeat(32), AUTH_JWKS_URL: "https://id.example.vn/jwks" } as NodeJS.ProcessEnv;
    expect(env.NODE_ENV).toBe("production");
    expect(() => loadConfig(env)).not.toThrow();
    expect(() => loadAuthConfig(env)).not.toThrow();
    expect(Number(env.SHUTDOWN_GRACE_MS)).toBeGreaterThan(2 * 2000); // HEALTH_INTERVAL x HEALTH_FALL of haproxy.cfg's defaults
    for (const name of SERVICES.filter((s) => s !== "gateway")) expect(env[`${name.toUpperCase()}_URL`]).toMatch(/^http:\/\/balancer:400\d\/graphql$/);
    expect(service.depends_on).toHaveProperty("postgres");
  }
});

it("gives the balancer the address of every copy haproxy.cfg names", () => {
  const required = placeholders.filter((p) => p.required).map((p) => p.name);
  expect(required.sort()).toEqual(SERVICES.flatMap((s) => Array.from({ length: COPIES }, (_, i) => `${s.toUpperCase()}_${i + 1}`)).sort());
  const balancer = compose.services.balancer.environment ?? {};
  for (const name of required) {
    const [host, port] = balancer[name].split(":");
    expect(compose.services[host]?.image).toBe("vnge-supergraph");
    expect(port).toMatch(/^400\d$/);
  }
});

describeWithHAProxy(__filename, "the balancer's configuration", () => {
  it("is a configuration HAProxy accepts", () => {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH };
    for (const { name, required } of placeholders) if (required) env[name] = "127.0.0.1:1";
    const check = spawnSync("haproxy", ["-c", "-f", path.join(DEPLOY_DIR, "haproxy.cfg")], { env, encoding: "utf8" });
    expect(`${check.stdout}${check.stderr}`).toContain("Configuration file is valid");
    expect(check.status).toBe(0);
  });
});
