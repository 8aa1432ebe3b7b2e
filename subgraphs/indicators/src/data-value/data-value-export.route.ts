// GET /data-values/export?area=<code>&period=<period>[&element=<code>][&format=csv|json]: the values at an
// area and beneath it for one period, in the shape the import reads (CSV, or JSON lines), streamed page by
// page. Under the caller's access rules: the area must be in scope (403 otherwise), and every value passes
// the disclosure rule (docs/decisions/0080, 0113-value-export-over-http.md): a confidential element's raw
// values only to those who see them exactly, unapproved values not to partners. Values kept back are left
// out of the file, which stays importable as it is.
import type { IncomingHttpHeaders } from "node:http";
import { BadUserInputError, type SubgraphRoute, checkParameters, choiceParameter, periodProblem } from "@vnge/shared";
import type { IndicatorsContext } from "../context";
import { ExportAborted, type ValueFileFormat, exportValues } from "./data-value.file";

const PARAMETERS = ["area", "period", "element", "format"] as const;

const CONTENT_TYPES: Record<ValueFileFormat, string> = { csv: "text/csv; charset=utf-8", json: "application/x-ndjson; charset=utf-8" };

/** The format an Accept header asks for first (CSV unless it names JSON lines before CSV). */
export function formatAccepted(accept: string | undefined): ValueFileFormat {
  for (const range of (accept ?? "").split(",")) {
    const type = range.split(";")[0].trim().toLowerCase();
    if (type === "text/csv") return "csv";
    if (type === "application/x-ndjson" || type === "application/jsonl" || type === "application/json") return "json";
  }
  return "csv";
}

function exportParams(search: URLSearchParams, headers: IncomingHttpHeaders) {
  checkParameters(search, PARAMETERS);
  const areaCode = search.get("area")?.trim();
  if (!areaCode) throw new BadUserInputError("name the area: ?area=<code>", { field: "area" });
  const period = search.get("period")?.trim() ?? "";
  const problem = period === "" ? "name the period: ?period=<period>, e.g. 2024" : periodProblem(period);
  if (problem) throw new BadUserInputError(problem, { field: "period" });
  const format = search.has("format") ? choiceParameter(search, "format", ["csv", "json"], "csv") : formatAccepted(headers.accept);
  return { selection: { areaCode, period, dataElementCode: search.get("element")?.trim() || null }, format };
}

export const dataValueExportRoute: SubgraphRoute<IndicatorsContext> = {
  async handle(req, res, context, url) {
    if (req.method !== "GET") throw new BadUserInputError("GET the values");
    const { selection, format } = exportParams(url.searchParams, req.headers);
    const name = `values-${selection.areaCode}-${selection.period}${selection.dataElementCode ? `-${selection.dataElementCode}` : ""}.${format === "csv" ? "csv" : "jsonl"}`;
    try {
      const result = await exportValues(context.db, context.scope, selection, format, res, {
        screen: (rows, period) => context.disclosure.storedValuesShown(rows, period),
        begin: () =>
          res.writeHead(200, {
            "content-type": CONTENT_TYPES[format],
            "content-disposition": `attachment; filename="${name.replace(/[^\w.-]/g, "_")}"`,
            "cache-control": "no-store",
            "x-content-type-options": "nosniff",
          }),
      });
      res.end();
      context.logger.info({ ...selection, format, ...result }, "data values exported");
    } catch (error) {
      if (error instanceof ExportAborted) return context.logger.info(selection, "data value export stopped: the client went away");
      // Mid-file the status is sent: the transfer is cut so the client cannot take a truncated file for a whole one.
      if (res.headersSent) {
        context.logger.error({ err: error, ...selection }, "data value export failed midway");
        res.destroy();
        return;
      }
      throw error;
    }
  },
};
