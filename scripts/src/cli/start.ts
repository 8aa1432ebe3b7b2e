// npm start: the whole system on one database (embedded PGlite with demo data unless DATABASE_URL is set).
//   --only gateway,indicators   run only these services (PostgreSQL only: PGlite has one owner process)
//   --demo / --no-demo          load the demo data (default: on for the embedded database, off for PostgreSQL)
import { loadConfig, openDatabase, rootLogger, startTracing, tracingConfigured } from "@vnge/shared";
import { SERVICE_NAMES, type ServiceName, startSystem } from "../system";
import { flagValue, hasFlag } from "./run";

async function main(args: string[]): Promise<void> {
  const config = loadConfig();
  // Traces leave by OTLP only when an endpoint is configured (decision 0118).
  const stopTracing = tracingConfigured() ? startTracing() : async () => undefined;
  const onlyArg = flagValue(args, "--only");
  const only = onlyArg?.split(",").map((name) => name.trim()) as ServiceName[] | undefined;
  const unknown = only?.filter((name) => !SERVICE_NAMES.includes(name));
  if (unknown?.length) throw new Error(`unknown service(s) ${unknown.join(", ")}; known: ${SERVICE_NAMES.join(", ")}`);
  const seedDemo = hasFlag(args, "--demo") || (!config.database.url && !hasFlag(args, "--no-demo"));

  const db = await openDatabase(config.database);
  const system = await startSystem({ db, only, host: config.host, production: config.production, seedDemo });
  const where = config.database.url ? "PostgreSQL" : `embedded PGlite (${config.database.dataDir})`;
  rootLogger.info({ gateway: system.gatewayUrl, subgraphs: system.subgraphUrls, database: where }, "system started");
  if (system.gatewayUrl) {
    console.log(`\nGateway ready at ${system.gatewayUrl}  (database: ${where})`);
    console.log(`Web application at ${system.gatewayUrl.replace(/\/graphql$/, "/")}\n`);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    rootLogger.info({ signal, graceMs: config.shutdownGraceMs }, "shutting down");
    // Behind a load balancer: fail readiness and keep serving until its health check has moved traffic elsewhere.
    system.drain();
    if (config.shutdownGraceMs > 0) await new Promise((resolve) => setTimeout(resolve, config.shutdownGraceMs));
    await system.stop();
    await db.close();
    await stopTracing();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
