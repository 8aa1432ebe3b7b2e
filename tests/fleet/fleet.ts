// A fleet on one machine, as deploy/ runs it: two copies of every service, each its own process started with the
// image's command (deploy/Dockerfile), behind HAProxy configured by deploy/haproxy.cfg, on one PostgreSQL database.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { SUBGRAPHS, repoRoot } from "@vnge/shared";
import { describeWithPrerequisite } from "@vnge/shared/testing";

export const SERVICES = [...SUBGRAPHS.map((entry) => entry.name), "gateway"] as const;
export type Service = (typeof SERVICES)[number];
export const COPIES = 2;

export const DEPLOY_DIR = path.join(repoRoot, "deploy");

/** The image's start command after `node`, read from the Dockerfile so the fleet runs what is deployed. */
export function imageCommand(): string[] {
  const dockerfile = fs.readFileSync(path.join(DEPLOY_DIR, "Dockerfile"), "utf8");
  const entrypoint = /^ENTRYPOINT\s+(\[.*\])\s*$/m.exec(dockerfile);
  if (!entrypoint) throw new Error("deploy/Dockerfile has no ENTRYPOINT in exec form");
  const [program, ...args] = JSON.parse(entrypoint[1]) as string[];
  if (program !== "node") throw new Error(`deploy/Dockerfile's ENTRYPOINT runs ${program}, not node`);
  return args;
}

/** HAProxy's version line when it is installed; in CI its absence is an error, not a skip. */
function findHAProxy(): string | undefined {
  const version = spawnSync("haproxy", ["-v"], { encoding: "utf8" });
  if (!version.error && version.status === 0) return version.stdout.split("\n")[0];
  if (process.env.CI) throw new Error("haproxy is missing: install it with apt-get update && apt-get install -y haproxy");
  return undefined;
}

/** `describe` when HAProxy is installed; otherwise a skip announced in one line, or a failure in CI. */
export function describeWithHAProxy(testFile: string, name: string, tests: () => void): void {
  describeWithPrerequisite(
    testFile,
    name,
    { find: findHAProxy, placeholder: () => "", absence: "haproxy not found", remedy: "apt-get install -y haproxy" },
    tests,
  );
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function withApplicationName(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set("application_name", name);
  return url.toString();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every 100 ms until it holds, or fails naming `what`. */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** One copy of a service: its name in the balancer's configuration (gateway1, indicators2, ...) and its port. */
export interface Copy {
  readonly name: string;
  readonly service: Service;
  readonly port: number;
  /** The copy's JSON log lines, parsed, since its first start. */
  readonly logs: Record<string, unknown>[];
  child?: ChildProcess;
  exited?: Promise<void>;
}

export interface FleetOptions {
  databaseUrl: string;
  /** How long a stopping copy serves while draining (SHUTDOWN_GRACE_MS). */
  graceMs: number;
  /** Connections per copy (DATABASE_POOL_SIZE): ten copies share the server's connection limit. */
  poolSize?: number;
}

export class Fleet {
  readonly copies: Copy[] = [];
  private balancer?: ChildProcess;
  private balancerLog = "";
  private frontends = new Map<string, number>();

  private constructor(private readonly options: FleetOptions) {}

  /** Starts the balancer and every copy at once (so they migrate together), and waits until all are in rotation. */
  static async start(options: FleetOptions): Promise<Fleet> {
    const fleet = new Fleet(options);
    for (const service of SERVICES) {
      fleet.frontends.set(service, await freePort());
      for (let i = 1; i <= COPIES; i++) fleet.copies.push({ name: `${service}${i}`, service, port: await freePort(), logs: [] });
    }
    fleet.frontends.set("stats", await freePort());
    try {
      fleet.startBalancer();
      await Promise.all(fleet.copies.map((copy) => fleet.startCopy(copy)));
      await Promise.all(fleet.copies.map((copy) => fleet.waitInRotation(copy, true)));
    } catch (error) {
      await fleet.close();
      throw error;
    }
    return fleet;
  }

  /** The balancer's gateway frontend: where clients send their queries. */
  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.frontends.get("gateway")}/graphql`;
  }

  /** One copy's own address, bypassing the balancer. */
  url(copy: Copy, pathname = "/graphql"): string {
    return `http://127.0.0.1:${copy.port}${pathname}`;
  }

  copy(name: string): Copy {
    const found = this.copies.find((copy) => copy.name === name);
    if (!found) throw new Error(`no copy ${name}`);
    return found;
  }

  private startBalancer(): void {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      STATS_BIND: `127.0.0.1:${this.frontends.get("stats")}`,
      // Quick checks, so a stopped copy leaves rotation within a second; a busy machine still answers in time.
      HEALTH_INTERVAL: "300ms",
      HEALTH_FALL: "2",
      HEALTH_RISE: "2",
    };
    for (const service of SERVICES) env[`${service.toUpperCase()}_BIND`] = `127.0.0.1:${this.frontends.get(service)}`;
    for (const copy of this.copies) env[`${copy.service.toUpperCase()}_${copy.name.slice(copy.service.length)}`] = `127.0.0.1:${copy.port}`;
    const balancer = spawn("haproxy", ["-f", path.join(DEPLOY_DIR, "haproxy.cfg"), "-db"], { env, stdio: ["ignore", "pipe", "pipe"] });
    const keep = (chunk: Buffer) => (this.balancerLog = (this.balancerLog + chunk.toString()).slice(-8000));
    balancer.stdout?.on("data", keep);
    balancer.stderr?.on("data", keep);
    balancer.once("error", (error) => {
      this.balancerLog += `\nhaproxy could not start: ${error.message} (it comes from Debian's package haproxy; .ci/run installs it)`;
    });
    balancer.once("exit", (code) => {
      if (this.balancer === balancer) this.balancerLog += `\nhaproxy exited with ${code}`;
    });
    this.balancer = balancer;
  }

  /** Starts (or starts again) one copy with the image's command, and waits until it answers /readyz. */
  async startCopy(copy: Copy): Promise<void> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      // Each copy's connections carry its name, so pg_stat_activity tells which copy is writing.
      DATABASE_URL: withApplicationName(this.options.databaseUrl, copy.name),
      DATABASE_POOL_SIZE: String(this.options.poolSize ?? 5),
      HOST: "127.0.0.1",
      [`${copy.service.toUpperCase()}_PORT`]: String(copy.port),
      SHUTDOWN_GRACE_MS: String(this.options.graceMs),
      LOG_LEVEL: "info",
      OTEL_EXPORTER_OTLP_ENDPOINT: "",
    };
    // Every service reaches the subgraphs through the balancer, as in deploy/compose.yaml.
    for (const entry of SUBGRAPHS) env[`${entry.name.toUpperCase()}_URL`] = `http://127.0.0.1:${this.frontends.get(entry.name)}/graphql`;
    const child = spawn(process.execPath, [...imageCommand(), "--only", copy.service, "--no-demo"], { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
    let pending = "";
    const read = (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        try {
          copy.logs.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          copy.logs.push({ msg: line });
        }
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    copy.child = child;
    copy.exited = new Promise((resolve) => child.once("exit", () => resolve()));
    await until(`${copy.name} to be ready (${this.lastLines(copy)})`, async () => {
      if (child.exitCode !== null) throw new Error(`${copy.name} exited with ${child.exitCode}: ${this.lastLines(copy)}`);
      return (await fetch(this.url(copy, "/readyz"))).ok;
    });
  }

  private lastLines(copy: Copy): string {
    return copy.logs
      .slice(-5)
      .map((line) => String(line.msg))
      .join(" | ");
  }

  /** Ends a copy at once, as a crash or an out-of-memory kill would. */
  async kill(copy: Copy): Promise<void> {
    copy.child?.kill("SIGKILL");
    await copy.exited;
  }

  /** Stops a copy as an orchestrator does: SIGTERM, then it drains and exits on its own. */
  async stop(copy: Copy): Promise<void> {
    copy.child?.kill("SIGTERM");
    const timer = setTimeout(() => copy.child?.kill("SIGKILL"), this.options.graceMs + 20_000);
    await copy.exited;
    clearTimeout(timer);
  }

  /** The balancer's statistics of each copy (HAProxy's CSV columns: status, scur, ...), by copy name. */
  private async statistics(): Promise<Map<string, Record<string, string>>> {
    const response = await fetch(`http://127.0.0.1:${this.frontends.get("stats")}/stats;csv`);
    const [header, ...rows] = (await response.text()).trim().split("\n");
    const columns = header.replace(/^# /, "").split(",");
    const records = rows.map((row) => Object.fromEntries(row.split(",").map((cell, i) => [columns[i], cell])));
    return new Map(records.map((record) => [record.svname, record]));
  }

  /** The balancer's view of each copy: UP, DOWN, ... by copy name. */
  async rotation(): Promise<Map<string, string>> {
    return new Map([...(await this.statistics())].map(([name, record]) => [name, record.status]));
  }

  async waitInRotation(copy: Copy, up: boolean): Promise<void> {
    await until(`the balancer to see ${copy.name} ${up ? "up" : "down"} (haproxy: ${this.balancerLog.slice(-300)})`, async () => {
      const status = (await this.rotation()).get(copy.name) ?? "";
      return up ? status === "UP" : status.startsWith("DOWN");
    });
  }

  async close(): Promise<void> {
    await Promise.all(
      this.copies.map(async (copy) => {
        if (copy.child && copy.child.exitCode === null && copy.child.signalCode === null) await this.stop(copy);
      }),
    );
    const balancer = this.balancer;
    if (balancer && balancer.exitCode === null) {
      const exited = new Promise((resolve) => balancer.once("exit", resolve));
      balancer.kill("SIGTERM");
      await exited;
    }
    const logDir = process.env.FLEET_LOG_DIR;
    if (logDir) {
      // For a failure's post-mortem: every copy's log lines and the balancer's
      fs.mkdirSync(logDir, { recursive: true });
      for (const copy of this.copies) fs.writeFileSync(path.join(logDir, `${copy.name}.log`), copy.logs.map((line) => JSON.stringify(line)).join("\n"));
      fs.writeFileSync(path.join(logDir, "haproxy.log"), this.balancerLog);
    }
  }
}
