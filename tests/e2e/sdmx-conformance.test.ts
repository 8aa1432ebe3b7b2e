// The SDMX answers checked against the specification itself: SDMX-JSON data and structure messages validated with the
// SDMX-JSON schemas, SDMX-CSV against the field guide's rules, and the JSON's numbers decoded back to the rollups.
// The reference files live beside the national lists (../shared/data/sdmx); without them the tests say so and skip,
// and in CI they are required.
import fs from "node:fs";
import path from "node:path";
import { Role } from "@vnge/shared";
import { describeWithPrerequisite, nationalDataDir, nationalDataRequired } from "@vnge/shared/testing";
import Ajv2019 from "ajv/dist/2019";
import addFormats from "ajv-formats";
import { parse } from "csv-parse/sync";
import { type Caller, type TestSystem, authHeader, createPartnerKey, postGraphQL, startTestSystem } from "../testkit";

const ANALYST: Caller = { subject: "national-analyst", roles: [Role.ANALYST], areaCodes: ["VN"] };
const FLOW = "GENDER_EQUALITY_2025-03";
const SCHEMAS = { data: "sdmx-json-data-schema.json", structure: "sdmx-json-structure-schema.json", sample: "sample-data-exr-time-series.json" };

function findReference(): string | undefined {
  const dir = path.join(nationalDataDir(), "sdmx");
  if (Object.values(SCHEMAS).every((file) => fs.existsSync(path.join(dir, file)))) return dir;
  if (nationalDataRequired() || process.env.CI) throw new Error(`the SDMX reference files are missing from ${dir}`);
  return undefined;
}

type Message = { data: { dataSets: DataSet[]; structures: Structure[] } };
type DataSet = { series: Record<string, { observations: Record<string, (number | null)[]> }> };
type Dimension = { id: string; keyPosition: number; values: { id: string }[] };
type Structure = {
  dimensions: { series: Dimension[]; observation: Dimension[] };
  attributes: { observation: { id: string; values: { id: string }[] }[] };
};

/** The cells of an SDMX-JSON time-series message: "area|indicator|sex|period" -> [value, CONF_STATUS, OBS_STATUS]. */
function decode(message: Message): Map<string, [number | null, string, string | null]> {
  const [structure] = message.data.structures;
  const series = structure.dimensions.series;
  const [time] = structure.dimensions.observation;
  const attribute = (id: string) => structure.attributes.observation.findIndex((a) => a.id === id);
  const conf = attribute("CONF_STATUS");
  const status = attribute("OBS_STATUS");
  const code = (id: string, index: number | null) => (index === null ? null : structure.attributes.observation.find((a) => a.id === id)!.values[index].id);
  const cells = new Map<string, [number | null, string, string | null]>();
  for (const [key, { observations }] of Object.entries(message.data.dataSets[0].series)) {
    const codes = key.split(":").map((index, position) => series.find((d) => d.keyPosition === position)!.values[Number(index)].id);
    for (const [t, observation] of Object.entries(observations)) {
      const [value, ...attributes] = observation;
      cells.set(`${codes.join("|")}|${time.values[Number(t)].id}`, [value, code("CONF_STATUS", attributes[conf])!, code("OBS_STATUS", attributes[status])]);
    }
  }
  return cells;
}

describeWithPrerequisite(
  __filename,
  "SDMX answers against the specification",
  { find: findReference, placeholder: () => "", absence: "SDMX reference files not found beside the national lists", remedy: "set NATIONAL_DATA_DIR" },
  (dir) => {
    let system: TestSystem;
    let partnerKey: string;
    let ajv: Ajv2019;
    beforeAll(async () => {
      system = await startTestSystem();
      partnerKey = await createPartnerKey(system, { name: "UN partner", areaCodes: ["VN"], rateLimitPerMinute: 600 });
      ajv = new Ajv2019({ strict: false, allErrors: true, verbose: true });
      addFormats(ajv);
      for (const file of [SCHEMAS.data, SCHEMAS.structure]) ajv.addSchema(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")), file);
    }, 120_000);
    afterAll(() => system?.close());

    const get = async (pathAndQuery: string, headers: Record<string, string>) => {
      const response = await fetch(new URL(`/sdmx/${pathAndQuery}`, system.gatewayUrl!), { headers });
      const text = await response.text();
      expect({ status: response.status, text: response.status === 200 ? "" : text }).toEqual({ status: 200, text: "" });
      return { text, contentType: response.headers.get("content-type") };
    };
    const valid = (schema: string, message: unknown) => {
      const validate = ajv.getSchema(schema)!;
      const ok = validate(message);
      return ok ? [] : (validate.errors ?? []).slice(0, 5).map((error) => `${error.instancePath} ${error.message}: ${JSON.stringify(error.data)}`);
    };

    it("validates the specification's own sample with the data schema (the validator reads the schema as written)", () => {
      expect(valid(SCHEMAS.data, JSON.parse(fs.readFileSync(path.join(dir, SCHEMAS.sample), "utf8")))).toEqual([]);
      expect(valid(SCHEMAS.data, { meta: { id: "X" } }).length).toBeGreaterThan(0);
    });

    it("answers the national sex ratio at birth 2019-2024 to a partner key as a valid SDMX-JSON message with the rollup's numbers", async () => {
      const query = `data/${FLOW}/VN+38.SEX_RATIO_AT_BIRTH+LIVE_BIRTHS.?startPeriod=2019&endPeriod=2024`;
      for (const headers of [{ "x-api-key": partnerKey }, await authHeader(ANALYST)]) {
        const { text, contentType } = await get(query, { ...headers, accept: "application/vnd.sdmx.data+json;version=2.0.0" });
        expect(contentType).toMatch(/^application\/vnd\.sdmx\.data\+json; version=2\.0\.0/);
        const message = JSON.parse(text) as Message;
        expect(valid(SCHEMAS.data, message)).toEqual([]);
        const cells = decode(message);
        const { body } = await postGraphQL(
          system.gatewayUrl!,
          `{ rollup(indicatorCodes: ["SEX_RATIO_AT_BIRTH", "LIVE_BIRTHS"], periods: ["2019", "2020", "2021", "2022", "2023", "2024"], parentCode: "VN", level: PROVINCE, hierarchy: "2025-03") {
              area { code } indicator { code } period total male female withheld } }`,
          {},
          headers,
        );
        const values = (
          body.data as {
            rollup: { area: { code: string }; indicator: { code: string }; period: string; total: number | null; female: number | null; withheld: boolean }[];
          }
        ).rollup.filter((v) => v.area.code === "38");
        expect(values.length).toBe(12);
        for (const v of values) {
          const total = cells.get(`38|${v.indicator.code}|_T|${v.period}`);
          if (v.withheld) expect(total).toEqual([null, "C", null]);
          else if (v.total === null) expect(total).toBeUndefined();
          else expect(total?.slice(0, 2)).toEqual([v.total, "F"]);
          if (v.indicator.code === "LIVE_BIRTHS" && v.female !== null) expect(cells.get(`38|LIVE_BIRTHS|F|${v.period}`)?.[0]).toBe(v.female);
        }
        // The partner sees the unapproved demo data withheld; the analyst sees every figure.
        const confidential = [...cells.values()].filter(([, conf]) => conf === "C").length;
        expect(confidential > 0).toBe("x-api-key" in headers);
      }
    });

    it("writes SDMX-CSV as the field guide says: header, structure, action, then the components in the structure's order", async () => {
      const { text } = await get(`data/${FLOW}/38.LIVE_BIRTHS.?startPeriod=2022&endPeriod=2023`, {
        ...(await authHeader(ANALYST)),
        accept: "application/vnd.sdmx.data+csv;version=2.0.0",
      });
      const rows = parse(text) as string[][];
      const [header, ...body] = rows;
      expect(header.slice(0, 3)).toEqual(["STRUCTURE", "STRUCTURE_ID", "ACTION"]);
      // Dimensions in key order, then the time dimension, the measure and the attributes (field guide: components by type).
      expect(header.slice(3)).toEqual([
        "REF_AREA",
        "INDICATOR",
        "SEX",
        "TIME_PERIOD",
        "OBS_VALUE",
        "UNIT_MEASURE",
        "UNIT_MULT",
        "OBS_STATUS",
        "CONF_STATUS",
        "APPROXIMATE",
      ]);
      expect(body.length).toBeGreaterThan(0);
      for (const row of body) {
        expect(row).toHaveLength(header.length);
        expect(row[0]).toBe("dataflow");
        expect(row[1]).toMatch(/^[A-Za-z][A-Za-z0-9_-]*:[A-Za-z0-9_@$-]+\(\d+\.\d+\)$/);
        expect(["I", "M", "R", "D"]).toContain(row[2]);
        expect(row[6]).toMatch(/^\d{4}$/);
        expect(row[7] === "" || Number.isFinite(Number(row[7]))).toBe(true);
      }
      expect(text.endsWith("\r\n")).toBe(true);
    });

    it.each([
      ["dataflow", "dataflow"],
      ["datastructure", `datastructure/VNGE/DSD_${FLOW}/1.0?references=all`],
      ["codelist of areas", `codelist/VNGE/CL_AREA_2025-03`],
      ["codelists", "structure/codelist/VNGE/all"],
      ["concept scheme", "conceptscheme"],
    ])("serves the %s as a structure message valid against the structure schema", async (_what, query) => {
      const { text, contentType } = await get(query, { "x-api-key": partnerKey });
      expect(contentType).toMatch(/^application\/vnd\.sdmx\.structure\+json; version=2\.0\.0/);
      expect(valid(SCHEMAS.structure, JSON.parse(text))).toEqual([]);
    });

    it("describes what the data messages use: the flows name their structures, which name codelists that exist", async () => {
      const flows = JSON.parse((await get("dataflow", { "x-api-key": partnerKey })).text).data.dataflows as { id: string; structure: string }[];
      expect(flows.map((flow) => flow.id)).toEqual(["GENDER_EQUALITY", FLOW]);
      const full = JSON.parse((await get(`datastructure/VNGE/DSD_${FLOW}?references=children`, { "x-api-key": partnerKey })).text).data;
      const codelists = new Set((full.codelists as { id: string }[]).map((list) => `urn:sdmx:org.sdmx.infomodel.codelist.Codelist=VNGE:${list.id}(1.0)`));
      const used = JSON.stringify(full.dataStructures).match(/urn:sdmx:org\.sdmx\.infomodel\.codelist\.Codelist=[^"]+/g)!;
      expect(used.length).toBeGreaterThan(5);
      expect(used.filter((urn) => !codelists.has(urn))).toEqual([]);
      const areas = (full.codelists as { id: string; codes: { id: string; parent?: string }[] }[]).find((list) => list.id === "CL_AREA_2025-03")!;
      expect(areas.codes.find((code) => code.id === "381")?.parent).toBe("38");
    });
  },
);
