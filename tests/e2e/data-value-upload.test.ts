// The data value file upload over HTTP, at the gateway's address: dry run, import, per-line errors, access.
import { Role } from "@vnge/shared";
import { type Caller, type TestSystem, authHeader, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

const CLERK: Caller = { subject: "bim-son-clerk", roles: [Role.DATA_ENTRY], areaCodes: ["381"] };
const HEADER = "data_element,area_code,period,sex,value,status,comment";
const csv = (...rows: string[]) => `${[HEADER, ...rows].join("\n")}\n`;

async function upload(body: string, caller: Caller | null, query = "") {
  const base = system.gatewayUrl!.replace(/\/graphql$/, "");
  const response = await fetch(`${base}/data-values/import${query}`, {
    method: "POST",
    headers: { "content-type": "text/csv", ...(caller ? await authHeader(caller) : {}) },
    body,
  });
  // biome-ignore lint/suspicious/noExplicitAny: the test reads answers of any shape
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

const history = async (areaCode: string) =>
  (
    await system.gateway.request<{ dataValueHistory: { newValue: number; changedBy: string }[] }>(
      `{ dataValueHistory(dataElementCode: "LIVE_BIRTHS", areaCode: "${areaCode}", period: "2032", sex: MALE) { newValue changedBy } }`,
    )
  ).dataValueHistory;

describe("POST /data-values/import", () => {
  const file = csv("LIVE_BIRTHS,14809,2032,MALE,31,FINAL,", "LIVE_BIRTHS,14812,2032,MALE,27,PROVISIONAL,late report");

  it("checks a file without writing on a dry run, then imports it under the caller's name", async () => {
    const dry = await upload(file, CLERK, "?dryRun=true");
    expect(dry).toEqual({ status: 200, body: expect.objectContaining({ rows: 2, imported: 2, rejected: 0, written: false }) });
    expect(await history("14809")).toEqual([]);

    const real = await upload(file, CLERK);
    expect(real).toEqual({ status: 200, body: expect.objectContaining({ rows: 2, imported: 2, written: true }) });
    expect(await history("14809")).toEqual([{ newValue: 31, changedBy: "bim-son-clerk" }]);
    expect((await upload(file, CLERK)).body).toMatchObject({ unchanged: 2, imported: 0 });
  });

  it("refuses a file with a bad row whole, naming its line", async () => {
    const bad = csv("LIVE_BIRTHS,14815,2032,MALE,12,FINAL,", "LIVE_BIRTHS,14818,20x2,MALE,9,FINAL,");
    const { status, body } = await upload(bad, CLERK);
    expect(status).toBe(422);
    expect(body).toMatchObject({ rejected: 1, written: false, conflicts: [expect.objectContaining({ line: 3, field: "period" })] });
    expect(await history("14815")).toEqual([]);
  });

  it("refuses callers without a token or without the role, and rows outside their areas by line", async () => {
    expect((await upload(file, null)).status).toBe(401);
    expect((await upload(file, { roles: [Role.ANALYST], areaCodes: ["VN"] })).status).toBe(403);
    const elsewhere = await upload(csv("LIVE_BIRTHS,14845,2032,MALE,5,FINAL,"), CLERK);
    expect(elsewhere).toMatchObject({ status: 422, body: { written: false, conflicts: [{ line: 2, field: "areaCode" }] } });
  });
});
