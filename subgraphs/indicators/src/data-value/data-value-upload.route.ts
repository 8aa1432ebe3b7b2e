// POST /data-values/import: the file import over HTTP, for statistics offices' own tools. The body
// (CSV, or JSON lines with ?format=json) is streamed to a temporary file, never held in memory, then
// imported exactly as `npm run values:import` does: checked whole, then written in batches.
// A file that is not a file of values answers 400 with its reason; a lost database 503.
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { BadUserInputError, DatabaseUnavailableError, ForbiddenError, Role, type SubgraphRoute, hasAnyRole, isConnectionError, sendJson } from "@vnge/shared";
import { type IndicatorsContext, createDataValueService } from "../context";
import { type ValueFileFormat, importValueFile } from "./data-value.file";
import { ValueFileError } from "./data-value.file-text";
import { makeUploadDir, removeStaleUploads } from "./upload-files";

/** Largest upload: the national file (400,000 rows) is about 13 MiB. */
export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

export const dataValueUploadRoute: SubgraphRoute<IndicatorsContext> = {
  async start(logger) {
    const removed = await removeStaleUploads();
    if (removed.length > 0) logger.info({ removed }, "removed upload files left by a stopped process");
  },
  async handle(req, res, context, url) {
    if (req.method !== "POST") throw new BadUserInputError("POST the file as the request body");
    if (!hasAnyRole(context.identity, [Role.ADMIN, Role.DATA_ENTRY]))
      throw new ForbiddenError("Importing data values needs one of the roles ADMIN, DATA_ENTRY");
    const formatParam = url.searchParams.get("format") ?? "csv";
    if (formatParam !== "csv" && formatParam !== "json") throw new BadUserInputError(`format must be csv or json, got "${formatParam}"`);
    const format: ValueFileFormat = formatParam;
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > MAX_UPLOAD_BYTES) throw new BadUserInputError(`the file exceeds ${MAX_UPLOAD_BYTES} bytes; split it`);

    const dir = await makeUploadDir();
    const file = path.join(dir, `upload.${format}`);
    try {
      let received = 0;
      req.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (received > MAX_UPLOAD_BYTES) req.destroy(new Error("upload too large"));
      });
      await pipeline(req, fs.createWriteStream(file));
      const summary = await importValueFile(createDataValueService(context.db, context.scope), file, {
        format,
        dryRun: url.searchParams.get("dryRun") === "true",
        submittedBy: context.identity.subject,
      });
      context.logger.info({ rows: summary.rows, imported: summary.imported, rejected: summary.rejected }, "data value file imported");
      sendJson(res, summary.rejected > 0 ? 422 : 200, summary);
    } catch (error) {
      if (error instanceof ValueFileError) {
        context.logger.info({ reason: error.reason, line: error.line }, "data value file refused");
        return sendJson(res, 400, { errors: [{ message: error.message, extensions: error.extensions }] });
      }
      if (!isConnectionError(error)) throw error;
      context.logger.warn({ err: error }, "data value file import lost the database");
      const unavailable = new DatabaseUnavailableError();
      sendJson(res, 503, { errors: [{ message: unavailable.message, extensions: unavailable.extensions }] });
    } finally {
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
  },
};
