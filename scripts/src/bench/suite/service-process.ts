// Entry of a benchmark service process: the subgraphs, our Apollo Gateway or Hive Gateway, each in a
// process of its own so its RSS is its own. The parent (service-host.ts) passes what to start in
// BENCH_SERVICE, gets the URLs back over IPC, and sends "stop" to end it.
import { readSupergraph, startGateway } from "@vnge/gateway";
import { type RunningServer, createTokenVerifier, loadAuthConfig, openDatabase } from "@vnge/shared";
import { startSystem } from "../../system";
import { withSubgraphUrls } from "../../schema-files";
import { startHiveGateway } from "./hive-gateway";
import type { ServiceReady, ServiceSpec } from "./service-spec";

async function start(spec: ServiceSpec): Promise<{ ready: ServiceReady; stop: () => Promise<void> }> {
  const host = "127.0.0.1";
  switch (spec.kind) {
    case "subgraphs": {
      const db = await openDatabase({ url: spec.databaseUrl, poolSize: spec.poolSize });
      const system = await startSystem({ db, only: ["indicators", "plans", "cases", "communications"], ports: "random", host, migrate: false });
      return {
        ready: { urls: system.subgraphUrls as Record<string, string> },
        stop: async () => {
          await system.stop();
          await db.close();
        },
      };
    }
    case "apollo-gateway": {
      const db = spec.databaseUrl ? await openDatabase({ url: spec.databaseUrl, poolSize: 10 }) : undefined;
      const server: RunningServer = await startGateway({
        verifyToken: createTokenVerifier(loadAuthConfig()),
        port: spec.port ?? 0,
        host,
        subgraphUrls: spec.subgraphUrls,
        responseCache: db,
      });
      return {
        ready: { urls: { gateway: server.url } },
        stop: async () => {
          await server.close();
          await db?.close();
        },
      };
    }
    case "hive-gateway": {
      const supergraphSdl = withSubgraphUrls(readSupergraph(), spec.subgraphUrls);
      const server = await startHiveGateway({ supergraphSdl, port: spec.port ?? 0, host, rustPlanner: spec.rustPlanner, unshared: spec.unshared });
      return { ready: { urls: { gateway: server.url } }, stop: () => server.close() };
    }
  }
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.env.BENCH_SERVICE ?? "null") as ServiceSpec | null;
  if (!spec || !process.send) throw new Error("a benchmark service process is started by the benchmark (BENCH_SERVICE over IPC)");
  const running = await start(spec);
  process.on("message", (message: { type?: string }) => {
    if (message?.type !== "stop") return;
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
  // A benchmark that ends without stopping its services (killed, crashed) must not leave them running.
  process.on("disconnect", () => process.exit(0));
  process.send({ type: "ready", ...running.ready });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
