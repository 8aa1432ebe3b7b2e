// Uploads that are not files of values answer 400 with the reason (never 500), values in other
// notations 422 by line, and a starting indicators service removes upload files a stopped process
// left behind.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Role } from "@vnge/shared";
import { type Caller, type TestSystem, authHeader, startTestSystem } from "../testkit";

const CLERK: Caller = { subject: "bim-son-clerk", roles: [Role.DATA_ENTRY], areaCodes: ["381"] };
const HEADER = "data_element,area_code,period,sex,value,status,comment";

// Upload directories as processes leave them in the OS temporary directory (where the service looks).
const tmp = os.tmpdir();
const deadPid = spawnSync(process.execPath, ["-e", ""]).pid!;
const tag = `${Date.now().toString(36)}`;
const leftBehind = {
  dead: path.join(tmp, `data-values-${deadPid}-${tag}a`),
  own: path.join(tmp, `data-values-${process.pid}-${tag}b`),
  alive: path.join(tmp, `data-values-${process.ppid}-${tag}c`),
  other: path.join(tmp, `upload-refusals-${tag}`),
  // made before directories carried the process id: removed once an hour old
  unownedOld: path.join(tmp, `data-values-${tag}d`),
  unownedNew: path.join(tmp, `data-values-${tag}e`),
};

let system: TestSystem;
beforeAll(async () => {
  for (const dir of Object.values(leftBehind)) {
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "upload.csv"), "data_element,area_code\n");
  }
  const twoHoursAgo = new Date(Date.now() - 7_200_000);
  fs.utimesSync(leftBehind.unownedOld, twoHoursAgo, twoHoursAgo);
  system = await startTestSystem();
});
afterAll(async () => {
  await system?.close();
  for (const dir of Object.values(leftBehind)) fs.rmSync(dir, { recursive: true, force: true });
});

async function upload(body: string | Buffer, query = "") {
  const base = system.gatewayUrl!.replace(/\/graphql$/, "");
  const response = await fetch(`${base}/data-values/import${query}`, {
    method: "POST",
    headers: { "content-type": "text/csv", ...(await authHeader(CLERK)) },
    body,
  });
  // biome-ignore lint/suspicious/noExplicitAny: the test reads answers of any shape
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

describe("POST /data-values/import refuses what is not a file of values", () => {
  it.each([
    [
      "without the value column",
      `data_element,area_code,period,sex\nLIVE_BIRTHS,14809,2033,MALE\n`,
      "",
      "MISSING_COLUMNS",
      "line 1: the header lacks the column value",
    ],
    ["with a quote never closed", `${HEADER}\nLIVE_BIRTHS,14809,2033,MALE,5,,"late\n`, "", "MALFORMED_CSV", "the file is not valid CSV: Quote Not Closed"],
    ["of binary data", Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xed, 0xc1]), "", "NOT_TEXT", "line 1: the file is not text"],
    ["empty", "", "", "EMPTY_FILE", "the file holds no values: it is empty"],
    ["with a header alone", `${HEADER}\n`, "", "EMPTY_FILE", "the file holds no values: it has a header but no rows"],
    ["in JSON, empty", "[\n]\n", "?format=json", "EMPTY_FILE", "the file holds no values"],
  ])("a file %s: 400 with the reason", async (_what, body, query, reason, message) => {
    const answer = await upload(body, query);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.errors[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", reason } });
    expect(answer.body.errors[0].message).toContain(message);
  });

  it("refuses a value written in hexadecimal by its line (422), writing nothing", async () => {
    const answer = await upload(`${HEADER}\nLIVE_BIRTHS,14809,2033,MALE,0x10,,\nLIVE_BIRTHS,14812,2033,MALE,12,,\n`);
    expect(answer).toMatchObject({ status: 422, body: { rows: 2, rejected: 1, written: false, conflicts: [{ line: 2, field: "value" }] } });
  });

  it("removed at start-up the upload directories of stopped processes and its own, and only those", () => {
    expect(fs.existsSync(leftBehind.dead)).toBe(false);
    expect(fs.existsSync(leftBehind.own)).toBe(false);
    expect(fs.existsSync(leftBehind.alive)).toBe(true);
    expect(fs.existsSync(leftBehind.other)).toBe(true);
    expect(fs.existsSync(leftBehind.unownedOld)).toBe(false);
    expect(fs.existsSync(leftBehind.unownedNew)).toBe(true);
  });

  it("leaves no upload directory behind after an import", async () => {
    await upload(`${HEADER}\nLIVE_BIRTHS,14809,2033,MALE,3,,\n`);
    const own = () => fs.readdirSync(tmp).filter((name) => name.startsWith(`data-values-${process.pid}-`));
    // removed right after the answer is sent
    for (let i = 0; i < 50 && own().length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(own()).toEqual([]);
  });
});
