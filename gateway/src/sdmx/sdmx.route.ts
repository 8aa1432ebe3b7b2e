// GET /sdmx/...: the SDMX REST service for partners' statistical systems (docs/decisions/0111-sdmx-export.md).
// Structure queries answer SDMX-JSON structure messages; data queries SDMX-CSV 2.0 or SDMX-JSON, streamed a page of
// areas at a time. Everything is read through the supergraph as the caller, so a partner key sees approved figures
// only and suppressed case figures never: both come as CONF_STATUS C without a value.
import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { createGzip } from "node:zlib";
import type { ApolloServer } from "@apollo/server";
import { AppError, BadUserInputError, NotFoundError, type RouteHandler, httpStatusOf, publicExtensions, sendJson } from "@vnge/shared";
import type { Credential } from "../authenticate";
import type { GatewayContext } from "../context";
import { type Execute, executeAsCaller } from "../supergraph-as-caller";
import { csvHeader, csvRows } from "./sdmx-csv";
import { SdmxJsonWriter } from "./sdmx-json";
import { type Label, type Names, type Observation, areaCodelistId, artefactRef, flowId, sdmxIndicatorId, structureId } from "./sdmx-model";
import { type DataRequest, MEDIA, SDMX_PREFIX, type StructureRequest, parseSdmxRequest } from "./sdmx-request";
import { type Catalogue, areasOf, hierarchyOfFlow, observationsOf, planData, readCatalogue } from "./sdmx-source";
import { areaCodelistName, codelist, conceptSchemes, dataStructures, dataflows, fixedCodelists, nameOfFlow, structureMessage } from "./sdmx-structure";

export { SDMX_PREFIX };

export function sdmxRoute(apollo: ApolloServer<GatewayContext>, authenticateCaller: (headers: GatewayContext["headers"]) => Promise<Credential>): RouteHandler {
  return async (req, res, request, url) => {
    try {
      if (req.method !== "GET" && req.method !== "HEAD") throw new BadUserInputError("SDMX queries are GET requests");
      const parsed = parseSdmxRequest(url.pathname, url.searchParams, req.headers);
      const credential = await authenticateCaller(request.headers);
      const execute = executeAsCaller(apollo, request, credential);
      const catalogue = await readCatalogue(execute);
      const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
      const baseUrl = `http://${req.headers.host ?? "localhost"}`;
      if (parsed.kind === "structure") {
        const message = await structure(execute, catalogue, parsed, url.searchParams.get("references"));
        return send(res, MEDIA.structure, JSON.stringify(message), gzip);
      }
      const started = Date.now();
      const count = await data(execute, catalogue, parsed, res, gzip, baseUrl);
      request.logger.info({ flow: parsed.flow, format: parsed.format, observations: count, ms: Date.now() - started }, "sdmx data served");
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (res.headersSent) {
        request.logger.warn({ reason: error.message }, "sdmx answer cut short");
        res.destroy();
        return;
      }
      sendJson(res, httpStatusOf(error), { errors: [{ message: error.message, extensions: publicExtensions(error) }] });
    }
  };
}

function send(res: ServerResponse, contentType: string, body: string, gzip: boolean): void {
  res.writeHead(200, {
    "content-type": contentType,
    "cache-control": "private, no-cache",
    vary: "accept, accept-encoding, accept-language",
    ...(gzip ? { "content-encoding": "gzip" } : {}),
  });
  if (!gzip) return void res.end(body);
  const out = createGzip();
  out.pipe(res);
  out.end(body);
}

async function structure(execute: Execute, catalogue: Catalogue, request: StructureRequest, references: string | null) {
  const { language, id } = request;
  if (references !== null && !["none", "children", "descendants", "all"].includes(references))
    throw new BadUserInputError(`references must be none, children, descendants or all, got "${references}"`, { field: "references" });
  const pick = <T extends { id: string }>(artefacts: T[], what: string): T[] => {
    const found = id === null ? artefacts : artefacts.filter((artefact) => artefact.id === id);
    if (found.length === 0) throw new NotFoundError(`no ${what} "${id}"`);
    return found;
  };
  const prepared = new Date();
  const messageId = `STRUCTURE-${randomUUID()}`;
  if (request.type === "dataflow") return structureMessage({ dataflows: pick(dataflows(catalogue, language), "dataflow") }, language, prepared, messageId);
  if (request.type === "conceptscheme")
    return structureMessage({ conceptSchemes: pick(conceptSchemes(language), "concept scheme") }, language, prepared, messageId);
  const areaCodelist = async (hierarchy: string) => {
    const codes = [];
    for await (const area of areasOf(execute, hierarchy)) codes.push({ id: area.code, name: area.name, ...(area.parent ? { parent: area.parent } : {}) });
    return codelist(areaCodelistId(hierarchy), areaCodelistName(hierarchy), codes, language);
  };
  if (request.type === "codelist") {
    const areaVersion = catalogue.hierarchies.find((hierarchy) => areaCodelistId(hierarchy.code) === id);
    if (areaVersion) return structureMessage({ codelists: [await areaCodelist(areaVersion.code)] }, language, prepared, messageId);
    const lists = [...fixedCodelists(catalogue, language), ...(id === null ? await Promise.all(catalogue.hierarchies.map((h) => areaCodelist(h.code))) : [])];
    return structureMessage({ codelists: pick(lists, "codelist") }, language, prepared, messageId);
  }
  const structures = pick(dataStructures(catalogue, language), "data structure");
  if (references === null || references === "none") return structureMessage({ dataStructures: structures }, language, prepared, messageId);
  const versions = catalogue.hierarchies.filter((hierarchy) => structures.some((s) => s.id === structureId(hierarchy.code)));
  return structureMessage(
    {
      dataStructures: structures,
      codelists: [...fixedCodelists(catalogue, language), ...(await Promise.all(versions.map((h) => areaCodelist(h.code))))],
      conceptSchemes: conceptSchemes(language),
    },
    language,
    prepared,
    messageId,
  );
}

/** Streams the data message; 404 when nothing matches, as SDMX REST answers an empty query. */
async function data(execute: Execute, catalogue: Catalogue, request: DataRequest, res: ServerResponse, gzip: boolean, baseUrl: string): Promise<number> {
  const plan = planData(catalogue, request, new Date());
  const hierarchy = hierarchyOfFlow(catalogue, request.flow)!;
  const flow = flowId(hierarchy.code);
  const areaNames = new Map<string, Label>();
  const indicatorNames = new Map(catalogue.indicators.map((indicator) => [sdmxIndicatorId(indicator.code), indicator.name]));
  const names: Names = { area: (code) => areaNames.get(code), indicator: (code) => indicatorNames.get(code) };
  const pages = observationsOf(execute, plan, request, areaNames);

  // Nothing is sent before the first observation: an empty answer is a 404 with a reason, not an empty file.
  let first: Observation[] = [];
  for (;;) {
    const next = await pages.next();
    if (next.done) throw new NotFoundError("no observations match the query (SDMX NoResultsFound)");
    if (next.value.length > 0) {
      first = next.value;
      break;
    }
  }
  const out = gzip ? createGzip() : null;
  res.writeHead(200, {
    "content-type":
      request.format === "csv" ? `${MEDIA.csv}${request.labels === "both" ? "; labels=both" : ""}; charset=utf-8` : `${MEDIA.json}; charset=utf-8`,
    "content-language": request.language,
    "cache-control": "private, no-cache",
    vary: "accept, accept-encoding, accept-language",
    ...(gzip ? { "content-encoding": "gzip" } : {}),
  });
  out?.pipe(res);
  const sink = out ?? res;
  // Writes wait for the client to drain: a slow reader holds one page, not the whole pull.
  const write = async (chunk: string) => {
    if (!sink.write(chunk)) await new Promise<void>((resolve) => sink.once("drain", () => resolve()));
  };
  let count = 0;
  const flowName = nameOfFlow(request.flow, hierarchy);
  if (request.format === "csv") {
    const options = { flowRef: artefactRef(flow), flowName, labels: request.labels, language: request.language, names };
    await write(csvHeader(options));
    for (let page: Observation[] | undefined = first; page; page = await nextPage(pages)) {
      count += page.length;
      await write(csvRows(page, options));
    }
  } else {
    let buffered = "";
    const writer = new SdmxJsonWriter(
      {
        flow,
        hierarchy: hierarchy.code,
        flowName,
        language: request.language,
        names,
        years: plan.years,
        baseUrl,
        prepared: new Date(),
        messageId: `DATA-${randomUUID()}`,
      },
      (chunk) => {
        buffered += chunk;
      },
    );
    writer.begin();
    for (let page: Observation[] | undefined = first; page; page = await nextPage(pages)) {
      count += page.length;
      writer.add(page);
      await write(buffered);
      buffered = "";
    }
    writer.end();
    await write(buffered);
  }
  sink.end();
  return count;
}

async function nextPage(pages: AsyncGenerator<Observation[]>): Promise<Observation[] | undefined> {
  const next = await pages.next();
  return next.done ? undefined : next.value;
}
