// SDMX on the demo as `npm start` serves it, in the present: the current flow is the 34-province hierarchy, and years
// reported on the 63 provinces come carried over onto today's areas, flagged where apportioned (decision 0111).
import { parse } from "csv-parse/sync";
import { type TestSystem, authHeader, createPartnerKey, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({ seedDemo: true });
}, 180_000);
afterAll(() => system?.close());

type Row = Record<string, string>;
async function rows(path: string, headers: Record<string, string>): Promise<Row[]> {
  const response = await fetch(new URL(`/sdmx/${path}`, system.gatewayUrl!), { headers: { accept: "text/csv", ...headers } });
  const text = await response.text();
  expect({ status: response.status, text: response.status === 200 ? "" : text }).toEqual({ status: 200, text: "" });
  return parse(text, { columns: true }) as Row[];
}

describe("SDMX on the present demo", () => {
  it("names the version in force in the current flow, and answers earlier years on today's provinces", async () => {
    const flows = (await (await fetch(new URL("/sdmx/dataflow", system.gatewayUrl!), { headers: await authHeader() })).json()) as {
      data: { dataflows: { id: string; structure: string }[] };
    };
    const current = flows.data.dataflows.find((flow) => flow.id === "GENDER_EQUALITY")!;
    expect(current.structure).toContain("DSD_GENDER_EQUALITY_2025-07");
    const answer = await rows("data/GENDER_EQUALITY/38+VN.SEX_RATIO_AT_BIRTH._T?startPeriod=2023&endPeriod=2024", await authHeader());
    expect(answer.length).toBeGreaterThan(0);
    expect(answer.every((row) => row.STRUCTURE_ID === "VNGE:GENDER_EQUALITY_2025-07(1.0)")).toBe(true);
    expect(new Set(answer.map((row) => row.REF_AREA))).toEqual(new Set(["38", "VN"]));
    expect(answer.every((row) => row.APPROXIMATE === "N" || row.APPROXIMATE === "Y")).toBe(true);
  });

  it("serves a partner key the README's example, with what is not approved as confidential cells", async () => {
    const key = await createPartnerKey(system, { name: "UN partner", areaCodes: ["VN"], rateLimitPerMinute: 600 });
    const answer = await rows("data/GENDER_EQUALITY/VN.SEX_RATIO_AT_BIRTH.?startPeriod=2019&endPeriod=2024", { "x-api-key": key });
    expect(answer.length).toBeGreaterThan(0);
    const kinds = answer.map((row) =>
      row.CONF_STATUS === "C" && row.OBS_VALUE === "" ? "confidential" : row.CONF_STATUS === "F" && row.OBS_VALUE !== "" ? "free" : "wrong",
    );
    expect(kinds).not.toContain("wrong");
  });
});
