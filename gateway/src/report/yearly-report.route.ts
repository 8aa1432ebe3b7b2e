// GET /reports/yearly?area=62&year=2024&format=xlsx|docx|json[&lang=vi|en][&agency=<code>][&hierarchy=<version>]
// The yearly report of an area, built through the supergraph as the caller (report/yearly-report.ts): an analyst of
// another province gets 403 exactly as a query would, a partner sees unapproved figures as withheld.
import type { ApolloServer } from "@apollo/server";
import { AppError, BadUserInputError, type RouteHandler, httpStatusOf, publicExtensions, sendJson } from "@vnge/shared";
import type { Credential } from "../authenticate";
import type { GatewayContext } from "../context";
import { renderDocx } from "./docx-report";
import type { ReportLanguage } from "./report-labels";
import { renderXlsx } from "./xlsx-report";
import { type Execute, executeAsCaller } from "../supergraph-as-caller";
import { buildYearlyReport } from "./yearly-report";

export const YEARLY_REPORT_PATH = "/reports/yearly";

const FORMATS = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  json: "application/json; charset=utf-8",
} as const;
type Format = keyof typeof FORMATS;

interface ReportParams {
  areaCode: string;
  year: number;
  format: Format;
  language: ReportLanguage;
  agencyCode: string | null;
  hierarchy: string | undefined;
}

/** The query string, checked: BAD_USER_INPUT naming the parameter otherwise. */
export function reportParams(search: URLSearchParams): ReportParams {
  const areaCode = search.get("area")?.trim();
  if (!areaCode) throw new BadUserInputError("name the area: ?area=<code>", { field: "area" });
  const yearText = search.get("year") ?? "";
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || year < 2000 || year > 2100)
    throw new BadUserInputError(`year must be a year such as 2024, got "${yearText}"`, { field: "year" });
  const format = search.get("format") ?? "xlsx";
  if (!(format in FORMATS)) throw new BadUserInputError(`format must be one of ${Object.keys(FORMATS).join(", ")}, got "${format}"`, { field: "format" });
  const language = search.get("lang") ?? "vi";
  if (language !== "vi" && language !== "en") throw new BadUserInputError(`lang must be vi or en, got "${language}"`, { field: "lang" });
  return { areaCode, year, format: format as Format, language, agencyCode: search.get("agency"), hierarchy: search.get("hierarchy") ?? undefined };
}

export function yearlyReportRoute(
  apollo: ApolloServer<GatewayContext>,
  authenticateCaller: (headers: GatewayContext["headers"]) => Promise<Credential>,
): RouteHandler {
  return async (req, res, request, url) => {
    try {
      if (req.method !== "GET") throw new BadUserInputError("GET the report");
      const params = reportParams(url.searchParams);
      const credential = await authenticateCaller(request.headers);
      const execute = executeAsCaller(apollo, request, credential);
      const agency = params.agencyCode ? await agencyNamed(execute, params.agencyCode) : null;
      const report = await buildYearlyReport(execute, { ...params, agency });
      const started = Date.now();
      const body =
        params.format === "json" ? Buffer.from(JSON.stringify(report)) : params.format === "xlsx" ? await renderXlsx(report) : await renderDocx(report);
      request.logger.info(
        { area: params.areaCode, year: params.year, format: params.format, renderMs: Date.now() - started, bytes: body.length },
        "yearly report generated",
      );
      const name = `bao-cao-binh-dang-gioi-${report.area.code}-${params.year}.${params.format}`;
      res.writeHead(200, {
        "content-type": FORMATS[params.format],
        "content-length": body.length,
        ...(params.format === "json" ? {} : { "content-disposition": `attachment; filename="${name}"` }),
        "cache-control": "private, no-store",
      });
      res.end(body);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      sendJson(res, httpStatusOf(error), { errors: [{ message: error.message, extensions: publicExtensions(error) }] });
    }
  };
}

async function agencyNamed(execute: Execute, code: string): Promise<{ name: string; nameVi: string }> {
  const answer = await execute("query ReportAgency($code: ID!) { agency(code: $code) { name nameVi } }", { code });
  const agency = (answer.data as { agency: { name: string; nameVi: string } | null } | undefined)?.agency;
  if (!agency) throw new BadUserInputError(`no agency with code "${code}"`, { field: "agency" });
  return agency;
}
