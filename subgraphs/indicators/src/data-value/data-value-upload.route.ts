// POST /data-values/import: the file import over HTTP, for statistics offices' own tools. The body
// (CSV, or JSON lines with ?format=json; or one file part of a multipart/form-data form) is streamed
// to a temporary file, never held in memory, then imported exactly as `npm run values:import` does:
// checked whole, then written in batches. Parameters are read strictly before anything is received.
// A file that is not a file of values answers 400 with its reason; a lost database 503.
import fs from "node:fs";
import type { IncomingMessage } from "node:http";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import {
  BadUserInputError,
  DatabaseUnavailableError,
  ForbiddenError,
  Role,
  type SubgraphRoute,
  checkParameters,
  choiceParameter,
  flagParameter,
  hasAnyRole,
  isConnectionError,
  sendJson,
} from "@vnge/shared";
import type { IndicatorsContext } from "../context";
import { type ValueFileFormat, importValueFile } from "./data-value.file";
import { ValueFileError } from "./data-value.file-text";
import { makeUploadDir, removeStaleUploads } from "./upload-files";

/** Largest upload: the national file (400,000 rows) is about 13 MiB. */
export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

const PARAMETERS = ["dryRun", "format"] as const;
const tooLarge = () => new BadUserInputError(`the file exceeds ${MAX_UPLOAD_BYTES} bytes; split it`);

/** The request body as it is: the file itself. */
async function receiveBody(req: IncomingMessage, file: string): Promise<void> {
  let received = 0;
  req.on("data", (chunk: Buffer) => {
    received += chunk.length;
    if (received > MAX_UPLOAD_BYTES) req.destroy(new Error("upload too large"));
  });
  await pipeline(req, fs.createWriteStream(file));
}

/**
 * The one file part of a multipart/form-data body (as a browser's form or `curl -F` sends it), parsed by
 * busboy (docs/decisions/0112-value-file-variants.md); other fields are ignored, a second file refused.
 */
function receiveFilePart(req: IncomingMessage, file: string): Promise<void> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, limits: { fileSize: MAX_UPLOAD_BYTES, files: 2, fields: 50 } });
  } catch (error) {
    return Promise.reject(new BadUserInputError(`the multipart body cannot be read: ${(error as Error).message}`));
  }
  return new Promise((resolve, reject) => {
    let files = 0;
    let problem: BadUserInputError | undefined;
    let writing: Promise<void> = Promise.resolve();
    parser.on("file", (_field, stream) => {
      files++;
      if (files > 1) {
        problem = new BadUserInputError("the form holds more than one file: send one file part per upload");
        stream.resume();
        return;
      }
      stream.on("limit", () => {
        problem = tooLarge();
      });
      writing = pipeline(stream, fs.createWriteStream(file));
    });
    parser.on("error", (error: Error) => reject(new BadUserInputError(`the multipart body cannot be read: ${error.message}`)));
    parser.on("close", () => {
      writing.then(() => {
        if (problem) reject(problem);
        else if (files === 0) reject(new BadUserInputError("the form holds no file: send one file part"));
        else resolve();
      }, reject);
    });
    req.pipe(parser);
  });
}

const isMultipart = (req: IncomingMessage) => /^multipart\/form-data\b/i.test(req.headers["content-type"] ?? "");

export const dataValueUploadRoute: SubgraphRoute<IndicatorsContext> = {
  async start(logger) {
    const removed = await removeStaleUploads();
    if (removed.length > 0) logger.info({ removed }, "removed upload files left by a stopped process");
  },
  async handle(req, res, context, url) {
    if (req.method !== "POST") throw new BadUserInputError("POST the file as the request body");
    if (context.identity.roles.has(Role.PARTNER) && !hasAnyRole(context.identity, [Role.ADMIN, Role.DATA_ENTRY]))
      throw new ForbiddenError("Partners cannot write: an API key reads data; importing data values needs one of the roles ADMIN, DATA_ENTRY");
    if (!hasAnyRole(context.identity, [Role.ADMIN, Role.DATA_ENTRY]))
      throw new ForbiddenError("Importing data values needs one of the roles ADMIN, DATA_ENTRY");
    checkParameters(url.searchParams, PARAMETERS);
    const format: ValueFileFormat = choiceParameter(url.searchParams, "format", ["csv", "json"], "csv");
    const dryRun = flagParameter(url.searchParams, "dryRun");
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > MAX_UPLOAD_BYTES) throw tooLarge();

    const dir = await makeUploadDir();
    const file = path.join(dir, `upload.${format}`);
    try {
      await (isMultipart(req) ? receiveFilePart(req, file) : receiveBody(req, file));
      const summary = await importValueFile(context.dataValueService, file, { format, dryRun, submittedBy: context.identity.subject });
      context.logger.info(
        { rows: summary.rows, imported: summary.imported, rejected: summary.rejected, warnings: summary.warnings.length },
        "data value file imported",
      );
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
