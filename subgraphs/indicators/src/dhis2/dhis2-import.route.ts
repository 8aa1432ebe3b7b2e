// POST /dhis2/api/dataValueSets: DHIS2's own endpoint, so a ministry's DHIS2 (or its scripts) pushes data
// value sets here as to another DHIS2 server. The body (JSON, or CSV with content-type application/csv) is
// read whole up to MAX_DHIS2_BODY_BYTES; the mapping is the server's file (DHIS2_MAPPING_FILE). Answers
// DHIS2's ImportSummary: 200 when written (or checked, in a dry run), 409 with every conflict when refused.
import fs from "node:fs";
import path from "node:path";
import {
  AppError,
  BadUserInputError,
  DatabaseUnavailableError,
  ForbiddenError,
  PayloadTooLargeError,
  Role,
  type SubgraphRoute,
  checkParameters,
  choiceParameter,
  flagParameter,
  hasAnyRole,
  isConnectionError,
  readBody,
  repoRoot,
  sendJson,
} from "@vnge/shared";
import type { IndicatorsContext } from "../context";
import { createDhis2ImportService } from "./dhis2-import.wiring";
import { type Dhis2Mapping, Dhis2MappingError, readMappingFile } from "./dhis2-mapping";
import { formatOfContentType, parsePayload } from "./dhis2-payload";
import { IMPORT_STRATEGIES, type ImportStrategy } from "./dhis2-summary";

export const DHIS2_DATA_VALUE_SETS_PATH = "/dhis2/api/dataValueSets";
/** Largest body: 100,000 values of DHIS2's JSON are about 15 MiB. */
export const MAX_DHIS2_BODY_BYTES = 16 * 1024 * 1024;
/** The mapping of the demo's DHIS2 identifiers, used when DHIS2_MAPPING_FILE is unset outside production. */
export const DEMO_DHIS2_MAPPING_FILE = path.join(repoRoot, "prisma", "seed", "dhis2-demo-mapping.json");

export interface Dhis2ImportParams {
  dryRun: boolean;
  strategy: ImportStrategy;
}

/**
 * The query parameters DHIS2 clients send, read as every route reads them (query-parameters.ts): a misspelt one is
 * refused rather than ignored, so `dryrun=true` never writes. The id schemes are accepted because the mapping file
 * matches uids and codes alike.
 */
const PARAMETERS = ["dryRun", "importStrategy", "atomicMode", "idScheme", "dataElementIdScheme", "orgUnitIdScheme", "categoryOptionComboIdScheme"];

export function importParams(search: URLSearchParams): Dhis2ImportParams {
  checkParameters(search, PARAMETERS);
  if (search.get("importStrategy") === "DELETE") {
    throw new BadUserInputError(
      "importStrategy DELETE is not supported: stored data values are never deleted here (every change is kept in their history); send corrected values instead",
      { field: "importStrategy" },
    );
  }
  const strategy = choiceParameter(search, "importStrategy", IMPORT_STRATEGIES, "CREATE_AND_UPDATE");
  // A data value set is written whole or not at all.
  choiceParameter(search, "atomicMode", ["ALL"], "ALL");
  return { dryRun: flagParameter(search, "dryRun"), strategy };
}

/** The mapping file in use, or null when none is configured. */
export function mappingFile(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.DHIS2_MAPPING_FILE) return env.DHIS2_MAPPING_FILE;
  return env.NODE_ENV === "production" ? null : DEMO_DHIS2_MAPPING_FILE;
}

/** The file read again only when it changes, so operators edit it without a restart. */
let cached: { file: string; mtimeMs: number; mapping: Dhis2Mapping } | null = null;

async function configuredMapping(): Promise<Dhis2Mapping> {
  const file = mappingFile();
  if (!file) throw new AppError("The DHIS2 import is not configured on this server (no DHIS2_MAPPING_FILE).", "SERVICE_UNAVAILABLE");
  const { mtimeMs } = await fs.promises.stat(file);
  if (cached?.file === file && cached.mtimeMs === mtimeMs) return cached.mapping;
  const mapping = await readMappingFile(file);
  cached = { file, mtimeMs, mapping };
  return mapping;
}

export const dhis2ImportRoute: SubgraphRoute<IndicatorsContext> = {
  async handle(req, res, context, url) {
    if (req.method !== "POST") throw new BadUserInputError("POST the data value set as the request body");
    const { identity } = context;
    if (identity.roles.has(Role.PARTNER) && !hasAnyRole(identity, [Role.ADMIN, Role.DATA_ENTRY])) {
      throw new ForbiddenError("Partner API keys cannot write data values: a DHIS2 import needs a user token with the role ADMIN or DATA_ENTRY");
    }
    if (!hasAnyRole(identity, [Role.ADMIN, Role.DATA_ENTRY])) throw new ForbiddenError("Importing data values needs one of the roles ADMIN, DATA_ENTRY");
    const params = importParams(url.searchParams);
    const format = formatOfContentType(req.headers["content-type"]);
    if (!format) {
      throw new BadUserInputError(`content-type must be application/json or application/csv, got "${req.headers["content-type"] ?? ""}"`, {
        field: "content-type",
      });
    }
    const tooLarge = () =>
      sendJson(res, 413, {
        errors: [{ message: `the data value set exceeds ${MAX_DHIS2_BODY_BYTES} bytes; split it`, extensions: { code: "PAYLOAD_TOO_LARGE" } }],
      });
    if (Number(req.headers["content-length"] ?? 0) > MAX_DHIS2_BODY_BYTES) {
      req.resume();
      return tooLarge();
    }
    let text: string;
    try {
      text = await readBody(req, MAX_DHIS2_BODY_BYTES);
    } catch (error) {
      if (error instanceof PayloadTooLargeError) return tooLarge();
      throw error;
    }
    const values = parsePayload(text, format);
    let mapping: Dhis2Mapping;
    try {
      mapping = await configuredMapping();
    } catch (error) {
      if (error instanceof AppError && !(error instanceof Dhis2MappingError)) throw error;
      // The server's file, not the client's mistake: the client is told the import is unavailable, the operators why.
      context.logger.error({ err: error, file: mappingFile() }, "DHIS2 mapping file unusable");
      throw new AppError("The DHIS2 import is unavailable: this server's DHIS2 mapping cannot be read; its operators have been told.", "SERVICE_UNAVAILABLE");
    }
    const started = Date.now();
    try {
      const service = createDhis2ImportService(context.db, context.scope, context.dataValueService);
      const summary = await service.importValues(values, mapping, { ...params, submittedBy: identity.subject });
      context.logger.info(
        { values: values.length, status: summary.status, ...summary.importCount, rejected: summary.rejected, dryRun: params.dryRun, ms: Date.now() - started },
        "DHIS2 data value set imported",
      );
      sendJson(res, summary.status === "ERROR" ? 409 : 200, summary);
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      context.logger.warn({ err: error }, "DHIS2 import lost the database");
      const unavailable = new DatabaseUnavailableError();
      sendJson(res, 503, { errors: [{ message: unavailable.message, extensions: unavailable.extensions }] });
    }
  },
};
