// Starts a benchmark service (service-process.ts, from the build) in a child process and follows
// its resident memory from outside, so the figure is that process's alone and sampling it costs
// the measured process nothing.
import { type ChildProcess, fork } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { loadAuthConfig, repoRoot } from "@vnge/shared";
import type { ServiceReady, ServiceSpec } from "./service-spec";

/** The compiled entry: the children run the build even when the benchmark itself runs from sources (jest). */
export const SERVICE_ENTRY = path.join(repoRoot, "scripts", "dist", "bench", "suite", "service-process.js");

/**
 * The services' Node flags, as `npm start` gives them: a young generation of 64 MiB per semi-space, where the default
 * 16 MiB made a rollup's short-lived objects cost a quarter of the subgraph's CPU in scavenges (decision 0116).
 */
export const SERVICE_NODE_FLAGS = ["--max-semi-space-size=64"];

export class ServiceStartError extends Error {}

export interface ServiceProcess {
  readonly pid: number;
  readonly urls: Record<string, string>;
  stop(): Promise<void>;
}

export async function startServiceProcess(spec: ServiceSpec, timeoutMs = 60_000): Promise<ServiceProcess> {
  if (!fs.existsSync(SERVICE_ENTRY)) throw new ServiceStartError(`${SERVICE_ENTRY} is missing: run \`npm run build\` first`);
  const child = fork(SERVICE_ENTRY, [], {
    execArgv: SERVICE_NODE_FLAGS,
    env: { ...process.env, ...productionEnv(), BENCH_SERVICE: JSON.stringify(spec), LOG_LEVEL: process.env.BENCH_SERVICE_LOG_LEVEL ?? "error" },
    stdio: ["ignore", "inherit", "pipe", "ipc"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const ready = await new Promise<ServiceReady>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ServiceStartError(`${spec.kind} did not start within ${timeoutMs} ms: ${stderr}`)), timeoutMs);
    child.once("message", (message: { type?: string } & ServiceReady) => {
      clearTimeout(timer);
      if (message?.type === "ready") resolve({ urls: message.urls });
      else reject(new ServiceStartError(`${spec.kind} answered ${JSON.stringify(message)}`));
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new ServiceStartError(`${spec.kind} exited with ${code} before it was ready: ${stderr}`));
    });
  });
  return { pid: child.pid!, urls: ready.urls, stop: () => stopChild(child) };
}

/**
 * The services run as they are deployed, with NODE_ENV=production (libraries skip their development
 * checks: graphql-js's cross-realm instanceof on every input value, for one), signing with the secrets
 * of this process so the benchmark's own token is accepted.
 */
function productionEnv(): NodeJS.ProcessEnv {
  const auth = loadAuthConfig();
  const text = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : undefined);
  return {
    NODE_ENV: "production",
    ...(auth.secret ? { AUTH_JWT_SECRET: text(auth.secret) } : {}),
    AUTH_INTERNAL_SECRET: text(auth.internalSecret),
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.send({ type: "stop" });
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Resident set size of a process in bytes (Linux /proc), or NaN where /proc is not there. */
export function residentBytes(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : NaN;
  } catch {
    return pid === process.pid ? process.memoryUsage().rss : NaN;
  }
}

/** Samples the RSS of each pid every 25 ms while `work` runs; returns the peaks in MiB by pid. */
export async function withPeakRss<T>(pids: readonly number[], work: () => Promise<T>): Promise<{ value: T; peakMiB: Map<number, number> }> {
  const peaks = new Map(pids.map((pid) => [pid, residentBytes(pid)]));
  const sample = () => {
    for (const pid of pids) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, residentBytes(pid)));
  };
  const timer = setInterval(sample, 25);
  try {
    const value = await work();
    sample();
    return { value, peakMiB: new Map([...peaks].map(([pid, bytes]) => [pid, bytes / 2 ** 20])) };
  } finally {
    clearInterval(timer);
  }
}
