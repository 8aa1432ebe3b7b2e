// The SDMX REST service at the gateway, as a partner's statistical system uses it: SDMX-CSV 2.0 and SDMX-JSON data for a
// key, with the numbers of the rollups the caller may see, withheld and suppressed cells as CONF_STATUS C without a
// value, statuses as OBS_STATUS, and client mistakes answered 4xx with a code (decision 0111).
import { Role } from "@vnge/shared";
import { parse } from "csv-parse/sync";
import { type Caller, type TestSystem, authHeader, createPartnerKey, postGraphQL, startTestSystem } from "../testkit";

let system: TestSystem;
let partnerKey: string;
const ANALYST: Caller = { subject: "national-analyst", roles: [Role.ANALYST], areaCodes: ["VN"] };
const THANH_HOA_ANALYST: Caller = { subject: "analyst-38", roles: [Role.ANALYST], areaCodes: ["38"] };
const FLOW = "GENDER_EQUALITY_2025-03";

beforeAll(async () => {
  system = await startTestSystem();
  partnerKey = await createPartnerKey(system, { name: "UN partner", areaCodes: ["VN"], rateLimitPerMinute: 600 });
}, 120_000);
afterAll(() => system?.close());

const sdmx = async (path: string, headers: Record<string, string>) => fetch(new URL(`/sdmx/${path}`, system.gatewayUrl!), { headers });
const asPartner = (extra: Record<string, string> = {}) => ({ "x-api-key": partnerKey, ...extra });

type Row = Record<string, string>;
async function csv(path: string, headers: Record<string, string>): Promise<{ rows: Row[]; header: string[]; contentType: string | null }> {
  const response = await sdmx(path, { accept: "application/vnd.sdmx.data+csv;version=2.0.0", ...headers });
  const text = await response.text();
  expect({ status: response.status, text: response.status === 200 ? "" : text }).toEqual({ status: 200, text: "" });
  const [header] = parse(text, { to_line: 1 }) as string[][];
  return { rows: parse(text, { columns: true }) as Row[], header, contentType: response.headers.get("content-type") };
}

interface RollupValue {
  area: { code: string };
  period: string;
  total: number | null;
  male: number | null;
  female: number | null;
  withheld: boolean;
  suppressed: boolean;
}
async function rollup(headers: Record<string, string>, indicator: string, periods: string[], parent: string, level?: string): Promise<RollupValue[]> {
  const { body } = await postGraphQL(
    system.gatewayUrl!,
    `query ($i: [ID!]!, $p: [String!]!, $parent: ID!, $level: AreaLevel) {
      rollup(indicatorCodes: $i, periods: $p, parentCode: $parent, level: $level, hierarchy: "2025-03") { area { code } period total male female withheld suppressed } }`,
    { i: [indicator], p: periods, parent, level },
    headers,
  );
  expect(body.errors).toBeUndefined();
  return (body.data as { rollup: RollupValue[] }).rollup;
}

/** The observations a rollup answer stands for, as SDMX cells: area|sex|period -> value ("" when hidden). */
function cellsOf(values: RollupValue[], bySex: boolean): Map<string, string> {
  const cells = new Map<string, string>();
  for (const v of values) {
    const hidden = v.withheld || v.suppressed;
    const entries: [string, number | null][] = [
      ["_T", v.total],
      ...(bySex
        ? ([
            ["M", v.male],
            ["F", v.female],
          ] as [string, number | null][])
        : []),
    ];
    for (const [sex, value] of entries) if (value !== null || hidden) cells.set(`${v.area.code}|${sex}|${v.period}`, value === null ? "" : String(value));
  }
  return cells;
}
const cellsOfRows = (rows: Row[]) => new Map(rows.map((row) => [`${row.REF_AREA}|${row.SEX}|${row.TIME_PERIOD}`, row.OBS_VALUE]));

const YEARS = ["2019", "2020", "2021", "2022", "2023", "2024"];

describe("SDMX-CSV data", () => {
  it("gives an analyst the national sex ratio at birth 2019-2024 with the rollup's numbers", async () => {
    const { rows, header, contentType } = await csv(`data/${FLOW}/VN.SEX_RATIO_AT_BIRTH.?startPeriod=2019&endPeriod=2024`, await authHeader(ANALYST));
    expect(contentType).toMatch(/^application\/vnd\.sdmx\.data\+csv; version=2\.0\.0/);
    expect(header).toEqual([
      "STRUCTURE",
      "STRUCTURE_ID",
      "ACTION",
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
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.STRUCTURE === "dataflow" && row.STRUCTURE_ID === `VNGE:${FLOW}(1.0)` && row.ACTION === "M")).toBe(true);
    expect(rows.every((row) => row.INDICATOR === "SEX_RATIO_AT_BIRTH" && row.SEX === "_T" && row.UNIT_MEASURE === "BOYS_PER_100_GIRLS")).toBe(true);
    const expected = cellsOf(await rollup(await authHeader(ANALYST), "SEX_RATIO_AT_BIRTH", YEARS, "VN"), false);
    expect(cellsOfRows(rows)).toEqual(expected);
    expect(rows.every((row) => row.CONF_STATUS === "F" && row.OBS_STATUS === "A" && Number.isFinite(Number(row.OBS_VALUE)))).toBe(true);
  });

  it("gives a partner key approved figures only: the others are CONF_STATUS C with no value", async () => {
    const { rows } = await csv(`data/${FLOW}/VN+38+381.SEX_RATIO_AT_BIRTH.?startPeriod=2019&endPeriod=2024`, asPartner());
    const partnerView = await rollup({ "x-api-key": partnerKey }, "SEX_RATIO_AT_BIRTH", YEARS, "VN");
    const expected = new Map([
      ...cellsOf(partnerView, false),
      ...cellsOf(await rollup({ "x-api-key": partnerKey }, "SEX_RATIO_AT_BIRTH", YEARS, "38"), false),
      ...cellsOf(await rollup({ "x-api-key": partnerKey }, "SEX_RATIO_AT_BIRTH", YEARS, "381"), false),
    ]);
    expect(cellsOfRows(rows)).toEqual(expected);
    const withheld = rows.filter((row) => row.CONF_STATUS === "C");
    // The demo's data are not approved: the partner sees them withheld.
    expect(withheld.length).toBeGreaterThan(0);
    expect(withheld.every((row) => row.OBS_VALUE === "" && row.OBS_STATUS === "")).toBe(true);
  });

  it("splits by sex where the indicator does, and labels codes with names on labels=both", async () => {
    const { rows, header } = await csv(`data/${FLOW}/38.LIVE_BIRTHS.F+M?startPeriod=2023&endPeriod=2023&labels=both`, await authHeader(ANALYST));
    expect(header.slice(3, 6)).toEqual(["REF_AREA: Địa bàn", "INDICATOR: Chỉ tiêu", "SEX: Giới tính"]);
    expect(rows.map((row) => row["SEX: Giới tính"]).sort()).toEqual(["F: Nữ", "M: Nam"]);
    expect(rows.every((row) => row["REF_AREA: Địa bàn"] === "38: Thanh Hóa")).toBe(true);
    const [value] = await rollup(await authHeader(ANALYST), "LIVE_BIRTHS", ["2023"], "38");
    const female = rows.find((row) => row["SEX: Giới tính"].startsWith("F:"))!;
    expect(Number(female["OBS_VALUE: Giá trị"])).toBe(value.female);
  });

  it("pulls every area of the flow level by level when the key has no area, gzip-compressed when asked", async () => {
    const response = await sdmx(`data/${FLOW}/.LIVE_BIRTHS._T?startPeriod=2023&endPeriod=2023`, {
      ...(await authHeader(ANALYST)),
      accept: "text/csv",
      "accept-encoding": "gzip",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-encoding")).toBe("gzip");
    const rows = parse(await response.text(), { columns: true }) as Row[];
    const areas = new Set(rows.map((row) => row.REF_AREA));
    const communes = await rollup(await authHeader(ANALYST), "LIVE_BIRTHS", ["2023"], "VN", "COMMUNE");
    const reported = communes.filter((value) => value.total !== null).map((value) => value.area.code);
    expect(reported.length).toBeGreaterThan(10);
    expect(reported.every((code) => areas.has(code))).toBe(true);
    expect(areas.has("VN") && areas.has("38")).toBe(true);
  });

  it("marks values still provisional as OBS_STATUS P, at the commune and at every area above it", async () => {
    const { body } = await postGraphQL(
      system.gatewayUrl!,
      `mutation { submitDataValues(input: { values: [{ dataElementCode: "LIVE_BIRTHS", areaCode: "14809", period: "2022", sex: FEMALE, value: 12, status: PROVISIONAL }] }) { rejected } }`,
      {},
      await authHeader(),
    );
    expect(body.data).toEqual({ submitDataValues: { rejected: 0 } });
    const { rows } = await csv(`data/${FLOW}/VN+14809.LIVE_BIRTHS._T?startPeriod=2022&endPeriod=2023`, await authHeader(ANALYST));
    const status = new Map(rows.map((row) => [`${row.REF_AREA}|${row.TIME_PERIOD}`, row.OBS_STATUS]));
    expect(status.get("14809|2022")).toBe("P");
    expect(status.get("VN|2022")).toBe("P");
    expect(status.get("VN|2023")).toBe("A");
  });

  it("answers only what changed after updatedAfter", async () => {
    const later = await sdmx(`data/${FLOW}/VN.LIVE_BIRTHS._T?updatedAfter=2099-01-01T00:00:00Z`, await authHeader(ANALYST));
    expect(later.status).toBe(404);
    const { rows } = await csv(`data/${FLOW}/VN.LIVE_BIRTHS._T?startPeriod=2022&endPeriod=2022&updatedAfter=2000-01-01T00:00:00Z`, await authHeader(ANALYST));
    expect(rows).toHaveLength(1);
  });

  it("keeps a province's analyst to the province", async () => {
    const response = await sdmx(`data/${FLOW}/VN.LIVE_BIRTHS._T`, await authHeader(THANH_HOA_ANALYST));
    expect(response.status).toBe(403);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe("FORBIDDEN");
  });
});

describe("SDMX requests a client gets wrong", () => {
  it.each([
    ["a key with too few parts", `data/${FLOW}/VN.LIVE_BIRTHS`, 400, "BAD_USER_INPUT"],
    ["an unknown sex code", `data/${FLOW}/VN.LIVE_BIRTHS.X`, 400, "BAD_USER_INPUT"],
    ["an unknown indicator", `data/${FLOW}/VN.NO_SUCH_INDICATOR._T`, 400, "BAD_USER_INPUT"],
    ["an unknown dataflow", "data/NO_SUCH_FLOW/VN.LIVE_BIRTHS._T", 400, "BAD_USER_INPUT"],
    ["a period that is not SDMX's", `data/${FLOW}/VN.LIVE_BIRTHS._T?startPeriod=last-year`, 400, "BAD_USER_INPUT"],
    ["an unknown parameter", `data/${FLOW}/VN.LIVE_BIRTHS._T?startperiod=2020`, 400, "BAD_USER_INPUT"],
    ["an unknown area", `data/${FLOW}/99999.LIVE_BIRTHS._T`, 400, "BAD_USER_INPUT"],
    ["another agency", `dataflow/ESTAT/${FLOW}`, 404, "NOT_FOUND"],
    ["an unknown resource", "availableconstraint", 404, "NOT_FOUND"],
    ["nothing to answer", `data/${FLOW}/VN.LIVE_BIRTHS._T?startPeriod=1990&endPeriod=1991`, 404, "NOT_FOUND"],
  ])("answers %s with %d %s", async (_what, path, status, code) => {
    const response = await sdmx(path, await authHeader(ANALYST));
    expect(response.status).toBe(status);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(code);
  });

  it("answers 406 to a client that accepts neither SDMX-CSV nor SDMX-JSON", async () => {
    const response = await sdmx(`data/${FLOW}/VN.LIVE_BIRTHS._T`, {
      ...(await authHeader(ANALYST)),
      accept: "application/vnd.sdmx.genericdata+xml;version=2.1",
    });
    expect(response.status).toBe(406);
  });

  it("answers 401 without a credential", async () => {
    expect((await sdmx(`data/${FLOW}/VN.LIVE_BIRTHS._T`, {})).status).toBe(401);
  });
});
