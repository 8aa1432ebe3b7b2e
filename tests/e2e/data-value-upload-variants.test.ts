// The file upload as statistics offices' spreadsheets write files: semicolons and decimal commas,
// byte-order marks, UTF-16 "Unicode text", multipart forms; strict flags; every refusal on its line
// (outside the caller's areas too), in the file's own words; warnings for what is read but looks off.
import { Role } from "@vnge/shared";
import { type Caller, type TestSystem, authHeader, createPartnerKey, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

const CLERK: Caller = { subject: "bim-son-clerk", roles: [Role.DATA_ENTRY], areaCodes: ["381"] };
const HA_GIANG_CLERK: Caller = { subject: "ha-giang-clerk", roles: [Role.DATA_ENTRY], areaCodes: ["02"] };
const HEADER = "data_element,area_code,period,sex,value,status,comment";
const csv = (...rows: string[]) => `${[HEADER, ...rows].join("\n")}\n`;

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the test reads answers of any shape
  body: Record<string, any>;
}

async function send(body: string | Buffer | FormData, query = "", headers: Record<string, string> = {}, caller: Caller | null = CLERK): Promise<Answer> {
  const base = system.gatewayUrl!.replace(/\/graphql$/, "");
  const contentType: Record<string, string> = body instanceof FormData ? {} : { "content-type": "text/csv" };
  const response = await fetch(`${base}/data-values/import${query}`, {
    method: "POST",
    headers: { ...contentType, ...(caller ? await authHeader(caller) : {}), ...headers },
    body,
  });
  return { status: response.status, body: (await response.json()) as Answer["body"] };
}

/** The value stored for LIVE_BIRTHS (MALE) at a commune and period, or null. */
async function stored(areaCode: string, period: string): Promise<number | null> {
  const { dataValueHistory } = await system.gateway.request<{ dataValueHistory: { newValue: number }[] }>(
    `{ dataValueHistory(dataElementCode: "LIVE_BIRTHS", areaCode: "${areaCode}", period: "${period}", sex: MALE) { newValue } }`,
  );
  return dataValueHistory.at(-1)?.newValue ?? null;
}

describe("files as spreadsheets write them", () => {
  it("reads a semicolon-separated file with decimal commas and thousands points", async () => {
    const file = "data_element;area_code;period;sex;value;status;comment\nLIVE_BIRTHS;14809;2041;MALE;1.234;FINAL;ghi chú, có dấu phẩy\n";
    const answer = await send(file);
    expect(answer).toMatchObject({ status: 200, body: { rows: 1, imported: 1, written: true } });
    expect(await stored("14809", "2041")).toBe(1234);
  });

  it("reads UTF-8 with a byte-order mark", async () => {
    const answer = await send(`\ufeff${csv("LIVE_BIRTHS,14809,2042,MALE,12,FINAL,")}`);
    expect(answer).toMatchObject({ status: 200, body: { imported: 1 } });
  });

  it.each([
    ["little-endian", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("x", "utf16le")]), "utf16le" as const],
    ["big-endian", Buffer.from([0xfe, 0xff]), "utf16be" as const],
  ])("reads tab-separated UTF-16 (%s) with its byte-order mark, as Excel's Unicode text", async (_what, bom, encoding) => {
    const text = `${HEADER.replace(/,/g, "\t")}\r\nLIVE_BIRTHS\t14812\t2043\tMALE\t7\tFINAL\tBỉm Sơn\r\n`;
    const encoded = encoding === "utf16le" ? Buffer.from(text, "utf16le") : Buffer.from(text, "utf16le").swap16();
    const answer = await send(Buffer.concat([bom.subarray(0, 2), encoded]));
    expect(answer).toMatchObject({ status: 200, body: { rows: 1, rejected: 0 } });
  });

  it("reads a multipart form upload with one file part", async () => {
    const form = new FormData();
    form.append("file", new Blob([csv("LIVE_BIRTHS,14809,2044,MALE,21,FINAL,")], { type: "text/csv" }), "values.csv");
    const answer = await send(form);
    expect(answer).toMatchObject({ status: 200, body: { imported: 1, written: true } });
    expect(await stored("14809", "2044")).toBe(21);
  });

  it("refuses a multipart form with two files or none, 400 naming why", async () => {
    const two = new FormData();
    two.append("a", new Blob([csv("LIVE_BIRTHS,14809,2045,MALE,1,,")]), "a.csv");
    two.append("b", new Blob([csv("LIVE_BIRTHS,14812,2045,MALE,1,,")]), "b.csv");
    const none = new FormData();
    none.append("note", "no file");
    for (const form of [two, none]) {
      const answer = await send(form);
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" }, message: expect.stringMatching(/one file/) });
    }
    expect(await stored("14809", "2045")).toBeNull();
  });
});

describe("headers that are not a file's of values answer 400 with what is wrong", () => {
  it.each([
    ["in Vietnamese", "Mã chỉ tiêu,Mã địa bàn,Kỳ,Giới tính,Giá trị\nLIVE_BIRTHS,14809,2046,MALE,3\n", /lacks the columns .*"Mã chỉ tiêu"/],
    ["missing", "LIVE_BIRTHS,14809,2046,MALE,3,FINAL,\n", /looks like a row of values.*header/],
    ["UTF-16 without a byte-order mark", Buffer.from(csv("LIVE_BIRTHS,14809,2046,MALE,3,,"), "utf16le"), /UTF-16 without a byte-order mark/],
  ])("a header %s", async (_what, body, message) => {
    const answer = await send(body);
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" }, message: expect.stringMatching(message) });
  });
});

describe("flags are read strictly", () => {
  const file = csv("LIVE_BIRTHS,14809,2047,MALE,5,FINAL,");

  it.each(["?dryRun=1", "?dryRun=TRUE", "?dryRun", "?dryRun=true"])("%s is a dry run: nothing is written", async (query) => {
    expect(await send(file, query)).toMatchObject({ status: 200, body: { written: false, imported: 1 } });
    expect(await stored("14809", "2047")).toBeNull();
  });

  it.each([
    ["?dryrun=true", "dryrun"],
    ["?dryRun=yes", "dryRun"],
    ["?dryRun=true&dryRun=false", "dryRun"],
    ["?format=xml", "format"],
  ])("%s is refused with 400 naming the parameter, writing nothing", async (query, field) => {
    const answer = await send(file, query);
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field }, message: expect.stringContaining(field) });
    expect(await stored("14809", "2047")).toBeNull();
  });

  it("?dryRun=0 writes", async () => {
    expect(await send(file, "?dryRun=0")).toMatchObject({ status: 200, body: { written: true } });
    expect(await stored("14809", "2047")).toBe(5);
  });
});

describe("every refusal on its line, in the file's own words", () => {
  it("reports a row outside the caller's areas on its line with the others (422), writing nothing", async () => {
    const answer = await send(csv("LIVE_BIRTHS,14809,2048,MALE,5,FINAL,", "LIVE_BIRTHS,14845,2048,MALE,6,FINAL,"));
    expect(answer).toMatchObject({ status: 422, body: { rejected: 1, written: false } });
    expect(answer.body.conflicts).toEqual([{ line: 3, field: "areaCode", message: expect.stringMatching(/14845 is outside your areas/) }]);
    const alone = await send(csv("LIVE_BIRTHS,14845,2048,MALE,6,FINAL,"));
    expect(alone).toMatchObject({ status: 422, body: { conflicts: [{ line: 2, field: "areaCode" }] } });
    expect(await stored("14809", "2048")).toBeNull();
  });

  it("quotes the value as the file writes it, a short row included", async () => {
    const answer = await send(
      csv('LIVE_BIRTHS,14809,2049,MALE,"1,2345",,', "LIVE_BIRTHS,14812,2049,MALE,abc,,", "LIVE_BIRTHS,14815,2049,MALE,,,", "LIVE_BIRTHS,14818,2049"),
    );
    expect(answer.status).toBe(422);
    expect(answer.body.conflicts).toEqual([
      { line: 2, field: "value", message: expect.stringContaining('got "1,2345"') },
      { line: 3, field: "value", message: expect.stringContaining('got "abc"') },
      { line: 4, field: "value", message: expect.stringMatching(/value is missing/) },
      { line: 5, field: "value", message: expect.stringMatching(/value is missing: the row has 3 of the header's 7 columns/) },
    ]);
    for (const { message } of answer.body.conflicts) expect(message).not.toContain("NaN");
  });

  it("reads thousands separators in exact groups only", async () => {
    const answer = await send(csv('LIVE_BIRTHS,14809,2050,MALE,"1,234",,'), "?dryRun");
    expect(answer).toMatchObject({ status: 200, body: { rejected: 0 } });
  });

  it("names a duplicate's first line by its line in the file", async () => {
    const answer = await send(csv("LIVE_BIRTHS,14809,2051,MALE,5,,", "LIVE_BIRTHS,14812,2051,MALE,6,,", "LIVE_BIRTHS,14809,2051,MALE,7,,"));
    expect(answer.body.conflicts).toEqual([{ line: 4, field: null, message: expect.stringMatching(/^duplicate of line 2:/) }]);
  });

  it("suggests the leading zeros a spreadsheet dropped", async () => {
    const answer = await send(csv("LIVE_BIRTHS,703,2052,MALE,5,,"), "", {}, HA_GIANG_CLERK);
    expect(answer.status).toBe(422);
    expect(answer.body.conflicts[0]).toMatchObject({
      line: 2,
      field: "areaCode",
      message: expect.stringContaining("did Excel drop leading zeros? 00703 is commune Kim Thạch"),
    });
  });
});

describe("warnings", () => {
  it("imports a file with an extra column and a lowercase status, warning of both by line", async () => {
    const file = `${HEADER},note\nLIVE_BIRTHS,14809,2053,MALE,5,final,,x\n`;
    const answer = await send(file);
    expect(answer).toMatchObject({ status: 200, body: { imported: 1, written: true } });
    expect(answer.body.warnings).toEqual([
      { line: 1, field: "note", message: expect.stringMatching(/column "note" is not one of .*: ignored/) },
      { line: 2, field: "status", message: expect.stringMatching(/"final" read as FINAL/) },
    ]);
  });
});

describe("callers with an API key", () => {
  it("are told partners cannot write (403), not that they sent no credential", async () => {
    const key = await createPartnerKey(system, { name: "upload-partner", areaCodes: ["VN"], rateLimitPerMinute: 100 });
    const answer = await send(csv("LIVE_BIRTHS,14809,2054,MALE,5,,"), "", { "x-api-key": key }, null);
    expect(answer.status).toBe(403);
    expect(answer.body.errors[0]).toMatchObject({ extensions: { code: "FORBIDDEN" }, message: expect.stringMatching(/partners cannot write/i) });
  });
});
