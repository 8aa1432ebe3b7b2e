// GET /reports/document?submission=<id>: a submitted report's file, as it was sent, for the officer who receives it
// or the reporter who sent it. The name travels in Content-Disposition (RFC 6266, UTF-8 for Vietnamese names).
import { BadUserInputError, type SubgraphRoute } from "@vnge/shared";
import type { PlansContext } from "../context";

export const REPORT_DOCUMENT_PATH = "/reports/document";

/** The address a client downloads a submission's document from, relative to the gateway. */
export const documentPath = (submissionId: string) => `${REPORT_DOCUMENT_PATH}?submission=${encodeURIComponent(submissionId)}`;

const asciiFallback = (name: string) =>
  name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]|["\\]/g, "_");

export const reportDocumentRoute: SubgraphRoute<PlansContext> = {
  async handle(req, res, context, url) {
    if (req.method !== "GET" && req.method !== "HEAD") throw new BadUserInputError("GET the document");
    const id = url.searchParams.get("submission");
    if (!id) throw new BadUserInputError("name the submission: ?submission=<id>", { field: "submission" });
    const document = await context.reportSubmissionService.document(id, context);
    res.writeHead(200, {
      "content-type": document.contentType,
      "content-length": document.bytes.length,
      "content-disposition": `attachment; filename="${asciiFallback(document.fileName)}"; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    });
    res.end(req.method === "HEAD" ? undefined : document.bytes);
  },
};
