// The yearly report a province sends the ministry, generated from what the system holds: downloaded through the
// gateway as a workbook and a document, under the caller's access rules (decision 0110).
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { Role } from "@vnge/shared";
import { repoRoot } from "@vnge/shared";
import { type Caller, type TestSystem, authHeader, postGraphQL, setClock, startTestSystem, tokenFor } from "../testkit";

let system: TestSystem;
const KON_TUM_ANALYST: Caller = { subject: "analyst-62", roles: [Role.ANALYST], areaCodes: ["62"] };
const THANH_HOA_ANALYST: Caller = { subject: "analyst-38", roles: [Role.ANALYST], areaCodes: ["38"] };
const KON_TUM_PARTNER: Caller = { subject: "partner-62", roles: [Role.PARTNER], areaCodes: ["62"] };
const CASE_WORKER: Caller = { subject: "case-worker-614", roles: [Role.CASE_WORKER], areaCodes: ["614"] };

// Kon Rẫy (614): four victims detected in 2024, three women and one man, two of them supported.
const CASES = [
  { areaCode: "23482", victimSex: "FEMALE", supported: true },
  { areaCode: "23482", victimSex: "FEMALE", supported: false },
  { areaCode: "23485", victimSex: "FEMALE", supported: true },
  { areaCode: "23485", victimSex: "MALE", supported: false },
];

beforeAll(async () => {
  system = await startTestSystem({ seedDemo: true });
  for (const c of CASES) {
    const { body } = await postGraphQL(
      system.gatewayUrl!,
      `mutation ($input: CaseRecordInput!) { recordCase(input: $input) { caseRecord { id } } }`,
      {
        input: {
          areaCode: c.areaCode,
          detectedOn: "2024-05-10",
          form: "PHYSICAL",
          setting: "FAMILY",
          victimSex: c.victimSex,
          victimAgeGroup: "AGE_30_59",
          victimEthnicMinority: true,
          perpetratorSex: c.victimSex === "FEMALE" ? "MALE" : "FEMALE",
          services: c.supported ? [{ service: "HEALTH_CARE", providedOn: "2024-05-11" }] : [],
        },
      },
      await authHeader(CASE_WORKER),
    );
    expect(body.errors).toBeUndefined();
  }
}, 180_000);
afterAll(async () => {
  jest.useRealTimers();
  await system?.close();
});

const download = async (query: string, caller?: Caller | null) =>
  fetch(new URL(`/reports/yearly?${query}`, system.gatewayUrl!), { headers: caller === null ? {} : await authHeader(caller) });

async function workbook(query: string, caller?: Caller): Promise<ExcelJS.Workbook> {
  const answer = await download(query, caller);
  expect(answer.status).toBe(200);
  expect(answer.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  expect(answer.headers.get("content-disposition")).toBe('attachment; filename="bao-cao-binh-dang-gioi-62-2024.xlsx"');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await answer.arrayBuffer()) as unknown as ArrayBuffer);
  return book;
}

/** The rows of a sheet beneath its header row (the one whose first cell is `first`), as cell values. */
function rowsOf(sheet: ExcelJS.Worksheet, first: string): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  let started = false;
  sheet.eachRow((row) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    if (started) rows.push(values);
    else if (values[0] === first) started = true;
  });
  return rows;
}

/** An objective's title row: one cell merged across the row, so every cell holds its value. */
const isGroup = (row: ExcelJS.CellValue[]) => row.length > 2 && row[1] === row[0];

const TARGETED = ["WOMEN_WAGE_WORKERS_SHARE", "ENTERPRISES_WOMAN_LED_SHARE", "GBV_VICTIMS_SUPPORTED_SHARE", "SEX_RATIO_AT_BIRTH", "MATERNAL_MORTALITY_RATIO"];

/** The same figures by another path: the indicator's value at the area, asked by the same caller. */
async function valuesOf(caller: Caller | undefined) {
  const { body } = await postGraphQL(
    system.gatewayUrl!,
    `query ($codes: [ID!]!) { indicators { code nameVi } area(code: "62", hierarchy: "2025-03") { indicatorValues(periods: ["2024"], indicatorCodes: $codes) { indicator { code } total male female withheld } } }`,
    { codes: TARGETED },
    await authHeader(caller),
  );
  expect(body.errors).toBeUndefined();
  const data = body.data as {
    indicators: { code: string; nameVi: string }[];
    area: { indicatorValues: { indicator: { code: string }; total: number | null; male: number | null; female: number | null; withheld: boolean }[] };
  };
  return new Map(data.area.indicatorValues.map((v) => [data.indicators.find((i) => i.code === v.indicator.code)!.nameVi, v] as const));
}

describe("the Kon Tum yearly report for 2024", () => {
  it("opens as a workbook whose every target's actual is the rollup of the same indicator, area and year", async () => {
    const book = await workbook("area=62&year=2024&format=xlsx");
    expect(book.worksheets.map((s) => s.name)).toEqual(["Báo cáo", "Chỉ tiêu", "Thống kê giới", "Truyền thông", "Bạo lực giới", "Chất lượng số liệu"]);
    const heading = book.getWorksheet("Báo cáo")!;
    const headingText = heading
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === "string");
    expect(headingText).toEqual(
      expect.arrayContaining([
        "ỦY BAN NHÂN DÂN TỈNH KON TUM",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Báo cáo kết quả thực hiện công tác bình đẳng giới năm 2024",
        "Thực hiện Chiến lược quốc gia về bình đẳng giới tỉnh Kon Tum giai đoạn 2021-2025",
      ]),
    );

    const rows = rowsOf(book.getWorksheet("Chỉ tiêu")!, "Chỉ tiêu");
    const targets = rows.filter((r) => !isGroup(r));
    expect(targets).toHaveLength(TARGETED.length);
    // Grouped by the Strategy's objectives, in their order.
    expect(rows.filter(isGroup).map((r) => String(r[0]).slice(0, 11))).toEqual(["Mục tiêu 2:", "Mục tiêu 3:", "Mục tiêu 4:"]);
    const rollup = await valuesOf(undefined);
    for (const row of targets) {
      const value = rollup.get(String(row[0]));
      expect([row[0], row[5] ?? null, row[6] ?? null, row[7] ?? null]).toEqual([row[0], value?.total ?? null, value?.male ?? null, value?.female ?? null]);
      // Numbers are numbers, not text.
      if (value?.total != null) expect(typeof row[5]).toBe("number");
    }
    const byIndicator = new Map(targets.map((r) => [String(r[0]), r]));
    expect(byIndicator.get("Tỷ số giới tính khi sinh")?.[8]).toBe("Đạt");
    expect(byIndicator.get("Tỷ số tử vong mẹ")?.[8]).toBe("Không đạt");
    expect(byIndicator.get("Tỷ số tử vong mẹ")?.[10]).toBe("Sở Y tế");
  });

  it("shows an analyst of the province the case statistics suppressed exactly as the API does, never a small count", async () => {
    const book = await workbook("area=62&year=2024&format=xlsx", KON_TUM_ANALYST);
    const { body } = await postGraphQL(
      system.gatewayUrl!,
      `{ area(code: "62", hierarchy: "2025-03") { caseStatistics(period: "2024") { suppressionThreshold total { count suppressed } bySex { sex count suppressed } } } }`,
      undefined,
      await authHeader(KON_TUM_ANALYST),
    );
    const stats = (body.data as { area: { caseStatistics: { suppressionThreshold: number; total: { count: number | null; suppressed: boolean } } } }).area
      .caseStatistics;
    expect(stats.suppressionThreshold).toBeGreaterThan(1);
    const cells = rowsOf(book.getWorksheet("Bạo lực giới")!, "Chỉ tiêu").flat();
    const counts = cells.filter((v): v is number => typeof v === "number");
    for (const count of counts) expect(count === 0 || count >= stats.suppressionThreshold).toBe(true);
    // Four victims, three women and one man: below the threshold, so withheld rather than shown.
    expect(cells).toContain("ẩn");
    expect(counts).not.toContain(3);
    expect(counts).not.toContain(1);
    expect(JSON.stringify(cells)).toContain(`Số liệu dưới ${stats.suppressionThreshold}`);
  });

  it("opens as a Word document holding the heading, the targets and their statuses", async () => {
    const answer = await download("area=62&year=2024&format=docx");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const zip = await JSZip.loadAsync(Buffer.from(await answer.arrayBuffer()));
    const xml = await zip.file("word/document.xml")!.async("string");
    const text = xml.replace(/<w:p[ >][\s\S]*?<\/w:p>/g, (p) => `${p.replace(/<[^>]+>/g, "")}\n`).replace(/<[^>]+>/g, "");
    for (const expected of [
      "ỦY BAN NHÂN DÂN TỈNH KON TUM",
      "Độc lập - Tự do - Hạnh phúc",
      "BÁO CÁO KẾT QUẢ THỰC HIỆN CÔNG TÁC BÌNH ĐẲNG GIỚI NĂM 2024",
      "Mục tiêu 4: Trong lĩnh vực y tế",
      "Tỷ số giới tính khi sinh",
      "Tỷ số tử vong mẹ",
      "Đạt",
      "Không đạt",
      "Chưa có số liệu",
      "TM. ỦY BAN NHÂN DÂN",
    ])
      expect(text).toContain(expected);
    // Figures in the Vietnamese way: 110,2 boys per 100 girls.
    expect(text).toContain("110,2");
  });

  it("is refused to an analyst of another province with 403, and to a caller without a token with 401", async () => {
    const refused = await download("area=62&year=2024&format=xlsx", THANH_HOA_ANALYST);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe("FORBIDDEN");
    expect((await download("area=62&year=2024&format=xlsx", null)).status).toBe(401);
  });

  it("shows a partner the figures not yet approved as withheld, never their values", async () => {
    const partnerView = await valuesOf(KON_TUM_PARTNER);
    expect([...partnerView.values()].some((v) => v.withheld)).toBe(true);
    const book = await workbook("area=62&year=2024&format=xlsx", KON_TUM_PARTNER);
    const targets = rowsOf(book.getWorksheet("Chỉ tiêu")!, "Chỉ tiêu").filter((r) => !isGroup(r));
    for (const row of targets) {
      const value = partnerView.get(String(row[0]));
      if (value?.withheld) expect(row.slice(5, 8)).toEqual(["chưa phê duyệt", "chưa phê duyệt", "chưa phê duyệt"]);
    }
    expect(targets.some((r) => r[5] === "chưa phê duyệt")).toBe(true);
  });

  it("answers its structure as JSON, in English when asked", async () => {
    const answer = await download("area=62&year=2024&format=json&lang=en");
    expect(answer.status).toBe(200);
    const report = (await answer.json()) as { heading: { title: string; issuingBody: string }; targets: { name: string; rows: { status: string }[] }[] };
    expect(report.heading).toMatchObject({
      title: "Report on the results of gender-equality work in 2024",
      issuingBody: "PEOPLE'S COMMITTEE OF KON TUM PROVINCE",
    });
    expect(report.targets.map((g) => g.name)).toEqual([
      "Objective 2: Economy and labour",
      "Objective 3: Family life and gender-based violence",
      "Objective 4: Health",
    ]);
  });

  it("refuses a wrong request with a specific 4xx", async () => {
    const error = async (query: string) => {
      const answer = await download(query);
      return { status: answer.status, ...((await answer.json()) as { errors: { extensions: Record<string, unknown> }[] }).errors[0].extensions };
    };
    expect(await error("year=2024")).toEqual({ status: 400, code: "BAD_USER_INPUT", field: "area" });
    expect(await error("area=62&year=24")).toEqual({ status: 400, code: "BAD_USER_INPUT", field: "year" });
    expect(await error("area=62&year=2024&format=pdf")).toEqual({ status: 400, code: "BAD_USER_INPUT", field: "format" });
    expect(await error("area=62&year=2024&lang=fr")).toEqual({ status: 400, code: "BAD_USER_INPUT", field: "lang" });
    expect(await error("area=99&year=2024")).toEqual({ status: 404, code: "NOT_FOUND", field: "area" });
    expect(await error("area=62&year=2024&agency=62-NONE")).toEqual({ status: 400, code: "BAD_USER_INPUT", field: "agency" });
  });
});

describe("the review years", () => {
  it("puts the 5-year plan's targets year by year into the 2025 mid-term review", async () => {
    const answer = await download("area=62&year=2025&format=json");
    if (answer.status !== 200) throw new Error(await answer.text());
    const report = (await answer.json()) as {
      heading: { title: string };
      review: { years: number[]; rows: { indicator: { code: string }; byYear: { year: number; value: number | null; status: string }[] }[] } | null;
    };
    expect(report.heading.title).toBe("Báo cáo sơ kết 5 năm thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030");
    expect(report.review?.years).toEqual([2021, 2022, 2023, 2024, 2025]);
    const srb = report.review?.rows.find((r) => r.indicator.code === "SEX_RATIO_AT_BIRTH");
    const rollup = await valuesOf(undefined);
    expect(srb?.byYear.find((y) => y.year === 2024)?.value).toBe(rollup.get("Tỷ số giới tính khi sinh")?.total);
    expect(srb?.byYear.find((y) => y.year === 2021)?.status).toBe("NO_DATA");
  });
});

describe("from a script, and recorded as sent", () => {
  it("downloads with the command-line form under the token's rules", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "report-cli-"));
    const out = path.join(dir, "kon-tum.docx");
    const cli = path.join(repoRoot, "scripts", "dist", "cli", "report.js");
    const env = { ...process.env, TOKEN: await tokenFor(KON_TUM_ANALYST) };
    const { stdout } = await promisify(execFile)(
      "node",
      [cli, "--area", "62", "--year", "2024", "--format", "docx", "--out", out, "--url", system.gatewayUrl!],
      { env },
    );
    expect(stdout).toContain(`wrote ${out}`);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    const refused = await promisify(execFile)("node", [cli, "--area", "38", "--year", "2024", "--url", system.gatewayUrl!], { env }).catch((e) => e);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("403 FORBIDDEN");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is sent against the ministry's deadline, and the ministry's round shows Kon Tum's as received on time", async () => {
    const provinceAdmin = await authHeader({ subject: "admin-62", roles: [Role.ADMIN], areaCodes: ["62"] });
    const ministry = await authHeader();
    const document = Buffer.from(
      await (await download("area=62&year=2024&format=docx", { subject: "admin-62", roles: [Role.ADMIN], areaCodes: ["62"] })).arrayBuffer(),
    );
    const plan = await postGraphQL(
      system.gatewayUrl!,
      `mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id deadlines { id } } }`,
      {
        input: {
          areaCode: "VN",
          title: "Báo cáo công tác bình đẳng giới năm 2024",
          type: "YEARLY",
          startYear: 2024,
          endYear: 2024,
          deadlines: [
            {
              report: "Báo cáo kết quả thực hiện công tác bình đẳng giới năm 2024",
              kind: "YEARLY",
              fromLevel: "PROVINCE",
              toLevel: "MINISTRY",
              dueDate: "2024-12-10",
              dueBefore: true,
            },
          ],
        },
      },
      ministry,
    );
    expect(plan.body.errors).toBeUndefined();
    const { id: planId, deadlines } = (plan.body.data as { createPlan: { id: string; deadlines: { id: string }[] } }).createPlan;
    setClock("2024-12-08T15:00:00+07:00");
    const sent = await postGraphQL(
      system.gatewayUrl!,
      `mutation ($d: ID!, $doc: ReportDocumentInput!) { submitReport(deadlineId: $d, reporterCode: "62", period: "2024", document: $doc) { documentType documentSize } }`,
      {
        d: deadlines[0].id,
        doc: {
          fileName: "bao-cao-binh-dang-gioi-62-2024.docx",
          contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          base64: document.toString("base64"),
        },
      },
      provinceAdmin,
    );
    expect(sent.body.errors).toBeUndefined();
    expect(sent.body.data).toEqual({
      submitReport: { documentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", documentSize: document.length },
    });
    const round = await postGraphQL(
      system.gatewayUrl!,
      `query ($id: ID!) { plan(id: $id) { deadlines { reporting { expected onTime missing reporters { reporterCode state } } } } }`,
      { id: planId },
      ministry,
    );
    jest.useRealTimers();
    const reporting = (
      round.body.data as { plan: { deadlines: { reporting: { expected: number; onTime: number; reporters: { reporterCode: string; state: string }[] } }[] } }
    ).plan.deadlines[0].reporting;
    expect(reporting.onTime).toBe(1);
    expect(reporting.expected).toBeGreaterThan(1);
    expect(reporting.reporters.find((r) => r.reporterCode === "62")?.state).toBe("ON_TIME");
  });
});
