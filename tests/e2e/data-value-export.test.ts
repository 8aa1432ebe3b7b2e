// GET /data-values/export at the gateway: the import's own shape, streamed, under the caller's access
// rules (scope, approved data for partners, the disclosure rule for figures derived from case records);
// and `npm run values:export` through the running system, or refused while the embedded database is open.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { Role } from "@vnge/shared";
import { refuseEmbeddedInUse } from "../../scripts/src/cli/database";
import { exportThroughGateway } from "../../scripts/src/values-export";
import { ADMIN, type Caller, type TestSystem, authHeader, createPartnerKey, startTestSystem } from "../testkit";

let system: TestSystem;
let partnerKey: string;
let thanhHoaKey: string;
beforeAll(async () => {
  system = await startTestSystem();
  partnerKey = await createPartnerKey(system, { name: "export-partner", areaCodes: ["VN"], rateLimitPerMinute: 1000 });
  thanhHoaKey = await createPartnerKey(system, { name: "export-partner-38", areaCodes: ["38"], rateLimitPerMinute: 1000 });
});
afterAll(() => system?.close());

const ANALYST: Caller = { subject: "national-analyst", roles: [Role.ANALYST], areaCodes: ["VN"] };
const CASE_WORKER: Caller = { subject: "case-worker-381", roles: [Role.CASE_WORKER], areaCodes: ["381"] };
const CLERK: Caller = { subject: "bim-son-clerk", roles: [Role.DATA_ENTRY], areaCodes: ["381"] };
const HEADER = "data_element,area_code,period,sex,value,status,comment";
const base = () => system.gatewayUrl!.replace(/\/graphql$/, "");

async function exported(query: string, headers: Record<string, string>) {
  const response = await fetch(`${base()}/data-values/export${query}`, { headers });
  return { status: response.status, type: response.headers.get("content-type") ?? "", text: await response.text() };
}
const as = async (caller: Caller) => authHeader(caller);
const key = (value: string) => ({ "x-api-key": value });
/** The data rows of a CSV export, by element. */
const elementsOf = (csv: string) =>
  csv
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(",")[0]);

describe("GET /data-values/export", () => {
  it("writes CSV in the import's columns, which imports back unchanged", async () => {
    const csv = await exported("?area=381&period=2023", await as(ADMIN));
    expect(csv).toMatchObject({ status: 200, type: expect.stringMatching(/^text\/csv/) });
    const lines = csv.text.trim().split("\n");
    expect(lines[0]).toBe(HEADER);
    expect(lines.length).toBeGreaterThan(10);

    const upload = await fetch(`${base()}/data-values/import?dryRun=true`, { method: "POST", headers: await as(ADMIN), body: csv.text });
    const summary = (await upload.json()) as { rows: number; unchanged: number; rejected: number };
    expect(upload.status).toBe(200);
    expect(summary).toMatchObject({ rows: lines.length - 1, unchanged: lines.length - 1, rejected: 0 });
  });

  it("writes JSON lines for format=json and for Accept: application/x-ndjson", async () => {
    for (const [query, headers] of [
      ["?area=381&period=2023&format=json", {}],
      ["?area=381&period=2023", { accept: "application/x-ndjson" }],
    ] as const) {
      const answer = await exported(query, { ...(await as(ADMIN)), ...headers });
      expect(answer).toMatchObject({ status: 200, type: expect.stringMatching(/^application\/x-ndjson/) });
      const rows = answer.text
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line));
      expect(rows[0]).toEqual(expect.objectContaining({ dataElement: expect.any(String), areaCode: expect.any(String), period: "2023" }));
    }
    const csv = await exported("?area=381&period=2023", { ...(await as(ADMIN)), accept: "text/csv" });
    expect(csv.type).toMatch(/^text\/csv/);
  });

  it("refuses an area outside the caller's scope (403) and bad parameters (400 naming them)", async () => {
    const outside = await exported("?area=38&period=2023", await as(CLERK));
    expect(outside.status).toBe(403);
    expect(JSON.parse(outside.text).errors[0].extensions.code).toBe("FORBIDDEN");
    expect((await exported("?area=02&period=2023", key(thanhHoaKey))).status).toBe(403);
    for (const [query, field] of [
      ["?period=2023", "area"],
      ["?area=381&period=20x3", "period"],
      ["?area=381&period=2023&format=xlsx", "format"],
      ["?area=381&period=2023&Area=38", "Area"],
    ]) {
      const answer = await exported(query, await as(ADMIN));
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.text).errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
  });

  it("shows a partner key approved values only", async () => {
    const analyst = elementsOf((await exported("?area=381&period=2023", await as(ANALYST))).text);
    expect(analyst).toContain("LIVE_BIRTHS");
    const before = await exported("?area=381&period=2023", key(partnerKey));
    expect(before.status).toBe(200);
    expect(elementsOf(before.text)).not.toContain("LIVE_BIRTHS");

    const set = "ANNUAL_GENDER_COMMUNE"; // governs LIVE_BIRTHS
    const communes = (await system.gateway.request<{ areas: { code: string }[] }>(`{ areas(level: COMMUNE, within: "381") { code } }`)).areas;
    for (const { code } of communes)
      await system.gateway.request(`mutation { submitDataSet(dataSetCode: "${set}", areaCode: "${code}", period: "2023") { state } }`);
    await system.gateway.request(`mutation { approveDataSet(dataSetCode: "${set}", areaCode: "381", period: "2023") { state } }`);
    const after = elementsOf((await exported("?area=381&period=2023&element=LIVE_BIRTHS", key(thanhHoaKey))).text);
    expect(after.length).toBe(analyst.filter((element) => element === "LIVE_BIRTHS").length);
    // approved at 381 only: the rest of the province stays withheld
    const province = elementsOf((await exported("?area=38&period=2023&element=LIVE_BIRTHS", key(thanhHoaKey))).text);
    expect(province.length).toBe(after.length);
  });

  it("lets raw values of elements derived from case records out only to those who see them exactly", async () => {
    // a commune's 3 victims, below the threshold of 5, and another's 20
    const rows = ["GBV_VICTIMS_DETECTED,14809,2024,FEMALE,3,FINAL,", "GBV_VICTIMS_DETECTED,14812,2024,FEMALE,20,FINAL,"];
    const upload = await fetch(`${base()}/data-values/import`, { method: "POST", headers: await as(ADMIN), body: [HEADER, ...rows, ""].join("\n") });
    expect(upload.status).toBe(200);
    const query = "?area=381&period=2024&element=GBV_VICTIMS_DETECTED";
    const exact = (await exported(query, await as(CASE_WORKER))).text.trim().split("\n").slice(1);
    expect(exact).toEqual(rows);
    expect((await exported(query, await as(ADMIN))).text.trim().split("\n").slice(1)).toEqual(exact);
    for (const headers of [await as(ANALYST), key(partnerKey)]) {
      const answer = await exported(query, headers);
      expect(answer.status).toBe(200);
      expect(answer.text.trim()).toBe(HEADER);
    }
  });
});

describe("npm run values:export", () => {
  it("exports through the running gateway with a token or an API key, and reports a refusal", async () => {
    let text = "";
    const out = new PassThrough();
    out.on("data", (chunk: Buffer) => {
      text += chunk.toString();
    });
    const request = { areaCode: "381", period: "2023", format: "csv" as const };
    expect(await exportThroughGateway(request, base(), await as(ANALYST), out)).toEqual({ ok: true });
    expect(text.split("\n")[0]).toBe(HEADER);
    expect(await exportThroughGateway({ ...request, areaCode: "02" }, base(), key(thanhHoaKey), new PassThrough())).toMatchObject({
      ok: false,
      status: 403,
      code: "FORBIDDEN",
    });
  });

  it("refuses to open the embedded database another process has open, saying what to do", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "export-pglite-"));
    const saved = { url: process.env.DATABASE_URL, dir: process.env.PGLITE_DATA_DIR };
    try {
      delete process.env.DATABASE_URL;
      process.env.PGLITE_DATA_DIR = dir;
      expect(() => refuseEmbeddedInUse("export values")).not.toThrow();
      fs.writeFileSync(path.join(dir, "postmaster.pid"), "-42\n");
      expect(() => refuseEmbeddedInUse("export values")).toThrow(/open in another process.*TOKEN=.*API_KEY=/s);
    } finally {
      if (saved.url === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved.url;
      if (saved.dir === undefined) delete process.env.PGLITE_DATA_DIR;
      else process.env.PGLITE_DATA_DIR = saved.dir;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
