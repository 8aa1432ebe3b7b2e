// Starts the gateway and any set of subgraphs in this process over one database.
// With PGlite (one owner per data directory) everything runs here; with PostgreSQL each
// service can also run as its own process (`--only`), several copies behind a load balancer.
import path from "node:path";
import { ApiKeyService, TrustedDocuments, startGateway } from "@vnge/gateway";
import {
  type AuthConfig,
  type Database,
  type DemoExtent,
  GATEWAY_DEFAULT_PORT,
  type RunningServer,
  SUBGRAPHS,
  type SubgraphEntry,
  IndicatorFeed,
  createTokenVerifier,
  loadAuthConfig,
  loadConfig,
  migrate,
  portFor,
  repoRoot,
  rootLogger,
  serveSubgraph,
  subgraphEntry,
  subgraphUrl,
} from "@vnge/shared";
import { SUBGRAPH_MODULES } from "./modules";
import { importPlanFile } from "./plan-import";

/** The Kon Tum 2017 plan's appendix (seed 001), as transcribed for the import. */
/** A demo 5-year plan of Kon Tum with the Strategy's 2025 targets (the document number marks it as the demo's). */
export const DEMO_FIVE_YEAR_PLAN = {
  file: path.join(repoRoot, "prisma", "seed", "demo-kon-tum-2021-2025.csv"),
  areaCode: "62",
  documentNumber: "DEMO/KH-UBND",
  create: {
    title: "Thực hiện Chiến lược quốc gia về bình đẳng giới tỉnh Kon Tum giai đoạn 2021-2025",
    type: "FIVE_YEAR" as const,
    startYear: 2021,
    endYear: 2025,
    documentDate: "2021-06-01",
  },
};
export const DEMO_APPENDIX = { file: path.join(repoRoot, "tests", "fixtures", "kon-tum-2017-appendix.csv"), areaCode: "62", documentNumber: "16/KH-BVSTBCPN" };

export type ServiceName = SubgraphEntry["name"] | "gateway";
export const SERVICE_NAMES: readonly ServiceName[] = [...SUBGRAPHS.map((s) => s.name), "gateway"];

export interface SystemOptions {
  db: Database;
  /** Services to run here; all of them by default. */
  only?: readonly ServiceName[];
  host?: string;
  /** "random" picks free ports (tests); "default" uses the registry's ports or <NAME>_PORT. */
  ports?: "default" | "random";
  production?: boolean;
  /** Apply pending migrations first (default true). */
  migrate?: boolean;
  /** Load the demo data set (default false); true loads all of it, "before-reform" only the 63-province part. */
  seedDemo?: boolean | DemoExtent;
  /** Token keys; read from the environment by default. */
  auth?: AuthConfig;
  /** The gateway's shared response cache (default: RESPONSE_CACHE, on). */
  responseCache?: boolean;
  /**
   * The web application's sign-in issues tokens (`/dev/token`); by default only with the checkout's own development
   * secret, never in production. Tests, which sign with a fixed secret, stand in for the embedded default with true.
   */
  developmentTokens?: boolean;
}

export interface RunningSystem {
  gatewayUrl?: string;
  subgraphUrls: Partial<Record<SubgraphEntry["name"], string>>;
  /** Readiness fails from now on, while requests are still served (the first step of a graceful stop). */
  drain(): void;
  stop(): Promise<void>;
}

export async function seedDemoData(db: Database, extent: DemoExtent = "present"): Promise<void> {
  // Areas first: the other subgraphs' demo rows refer to demo areas.
  for (const entry of SUBGRAPHS) await SUBGRAPH_MODULES[entry.name].seedDemo(db, extent);
  // the demo plan's targets come in as a planner brings them: the appendix, with local indicators defined for the
  // rows the national catalogue lacks (a re-run changes nothing)
  await importPlanFile(db, { ...DEMO_APPENDIX, defineMissing: { level: "PROVINCE" } });
  // Kon Tum's 5-year plan under the Strategy, which its yearly reports of 2023-2025 are read against.
  if (extent === "present") await importPlanFile(db, DEMO_FIVE_YEAR_PLAN);
}

export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  const only = new Set(options.only ?? SERVICE_NAMES);
  const portOf = (name: string, fallback: number) => (options.ports === "random" ? 0 : portFor(name, fallback));
  if (options.migrate ?? true) {
    // Every copy of a fleet migrates at start; the advisory lock lets one apply and the others find it done.
    const migrations = await migrate(options.db);
    rootLogger.info({ applied: migrations.applied.length, alreadyApplied: migrations.alreadyApplied.length }, "migrations checked");
  }
  if (options.seedDemo) await seedDemoData(options.db, options.seedDemo === true ? "present" : options.seedDemo);

  const auth = options.auth ?? loadAuthConfig();
  const verifyToken = createTokenVerifier(auth);
  const servers: RunningServer[] = [];
  const subgraphUrls: RunningSystem["subgraphUrls"] = {};
  try {
    for (const entry of SUBGRAPHS) {
      if (!only.has(entry.name)) continue;
      const server = await serveSubgraph(SUBGRAPH_MODULES[entry.name], options.db, {
        verifyToken,
        indicatorFeed: new IndicatorFeed(entry.name, auth, () => subgraphUrls.indicators ?? subgraphUrl(subgraphEntry("indicators"))),
        port: portOf(entry.name, entry.defaultPort),
        host: options.host,
        production: options.production,
      });
      servers.push(server);
      subgraphUrls[entry.name] = server.url;
    }
    let gatewayUrl: string | undefined;
    if (only.has("gateway")) {
      const urls = Object.fromEntries(SUBGRAPHS.map((entry) => [entry.name, subgraphUrls[entry.name] ?? subgraphUrl(entry)]));
      const apiKeys = new ApiKeyService(options.db, auth);
      const gateway = await startGateway({
        verifyToken,
        apiKeys: (key) => apiKeys.authenticate(key),
        trustedDocuments: new TrustedDocuments(options.db),
        port: portOf("gateway", GATEWAY_DEFAULT_PORT),
        host: options.host,
        production: options.production,
        subgraphUrls: urls,
        responseCache: (options.responseCache ?? loadConfig().responseCache) ? options.db : undefined,
        // Only the checkout's own development secret lets the web application sign in without an identity provider:
        // a deployment with AUTH_JWT_SECRET or an identity provider never offers tokens, production or not.
        developmentTokens:
          !options.production && (options.developmentTokens ?? auth.developmentSecret) && auth.secret
            ? { secret: auth.secret, issuer: auth.issuer, audience: auth.audience }
            : undefined,
      });
      servers.push(gateway);
      gatewayUrl = gateway.url;
    }
    return {
      gatewayUrl,
      subgraphUrls,
      drain: () => {
        for (const server of servers) server.drain();
      },
      // The gateway (last started) stops first, so no request reaches a stopped subgraph.
      stop: async () => {
        for (const server of [...servers].reverse()) await server.close();
      },
    };
  } catch (error) {
    for (const server of servers.reverse()) await server.close();
    throw error;
  }
}
