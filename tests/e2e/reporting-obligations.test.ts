// Reporting obligations: a district's plan asks its 12 communes for their yearly report "trước ngày 05/12"; nine send
// it, two of them late; the officer's list shows the three missing and the two late (decision 0108).
import { importAreas } from "@vnge/indicators";
import { type AreaRow, Role } from "@vnge/shared";
import { type Caller, type TestSystem, authHeader, postGraphQL, setClock, startTestSystem } from "../testkit";

let system: TestSystem;
let adminHeaders: Record<string, string>;
const DISTRICT = "029";
const COMMUNES = Array.from({ length: 12 }, (_, i) => String(99_001 + i));

beforeAll(async () => {
  system = await startTestSystem();
  // Quản Bạ (029, Hà Giang) has no communes in the demo: give it twelve.
  const rows: AreaRow[] = COMMUNES.map((code, i) => ({
    code,
    level: "COMMUNE",
    name: `Xã thử ${i + 1}`,
    nameEn: `Test commune ${i + 1}`,
    fullName: `Xã thử ${i + 1}`,
    fullNameEn: `Test commune ${i + 1}`,
    parentCode: DISTRICT,
    provinceCode: "02",
    districtCode: DISTRICT,
  }));
  await importAreas(system.db, rows);
  // Tokens signed on the real clock, before the test moves it.
  adminHeaders = await authHeader();
}, 120_000);
afterAll(async () => {
  jest.useRealTimers();
  await system?.close();
});

async function ok<T>(query: string, variables?: Record<string, unknown>, headers = adminHeaders): Promise<T> {
  const { body } = await postGraphQL(system.gatewayUrl!, query, variables, headers);
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n").toString("base64");
const SUBMIT = `mutation ($deadline: ID!, $reporter: ID!, $doc: ReportDocumentInput!) {
  submitReport(deadlineId: $deadline, reporterCode: $reporter, period: "2025", document: $doc) { id submittedAt documentSize documentType } }`;
const pdf = (name = "bao-cao.pdf") => ({ fileName: name, contentType: "application/pdf", base64: PDF });

let deadlineId: string;

beforeAll(async () => {
  const plan = await ok<{ createPlan: { id: string; deadlines: { id: string; dueAt: string; dueBefore: boolean; kind: string }[] } }>(
    `mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id deadlines { id dueAt dueBefore kind } } }`,
    {
      input: {
        areaCode: DISTRICT,
        title: "Kế hoạch công tác bình đẳng giới huyện Quản Bạ năm 2025",
        type: "YEARLY",
        startYear: 2025,
        endYear: 2025,
        deadlines: [
          {
            report: "Báo cáo kết quả thực hiện công tác bình đẳng giới năm 2025",
            kind: "YEARLY",
            fromLevel: "COMMUNE",
            toLevel: "DISTRICT",
            dueDate: "2025-12-05",
            dueBefore: true,
          },
        ],
      },
    },
  );
  const [deadline] = plan.createPlan.deadlines;
  // "Trước ngày 05/12": late from the start of 5 December, Vietnam time.
  expect(deadline).toMatchObject({ dueAt: "2025-12-04T17:00:00.000Z", dueBefore: true, kind: "YEARLY" });
  deadlineId = deadline.id;
});

interface Round {
  expected: number;
  onTime: number;
  late: number;
  missing: number;
  overdue: boolean;
  reporters: {
    reporterCode: string;
    state: string;
    area: { code: string } | null;
    submission: { id: string; documentName: string; documentUrl: string } | null;
  }[];
}
const ROUND = `query ($id: ID!) { plan(id: $id) { deadlines { id reporting { expected onTime late missing overdue
  reporters { reporterCode state area { code } submission { id documentName documentUrl } } } } } }`;

describe("a deadline owed by a district's twelve communes", () => {
  it("lists exactly the three missing and the two late", async () => {
    setClock("2025-12-03T09:00:00+07:00");
    for (const commune of COMMUNES.slice(0, 6)) await ok(SUBMIT, { deadline: deadlineId, reporter: commune, doc: pdf(`${commune}.pdf`) });
    // 4 December, 23:30 Vietnam time: still before the 5th.
    setClock("2025-12-04T23:30:00+07:00");
    const justInTime = await ok<{ submitReport: { submittedAt: string } }>(SUBMIT, { deadline: deadlineId, reporter: COMMUNES[6], doc: pdf() });
    expect(justInTime.submitReport.submittedAt).toBe("2025-12-04T16:30:00.000Z");
    // On the 5th itself it is late ("trước ngày 05/12"), and so is the 8th.
    setClock("2025-12-05T08:00:00+07:00");
    await ok(SUBMIT, { deadline: deadlineId, reporter: COMMUNES[7], doc: pdf() });
    setClock("2025-12-08T10:00:00+07:00");
    await ok(SUBMIT, { deadline: deadlineId, reporter: COMMUNES[8], doc: pdf() });

    setClock("2025-12-06T08:00:00+07:00");
    const planId = (await ok<{ plans: { id: string }[] }>(`{ plans(areaCode: "${DISTRICT}") { id } }`)).plans[0].id;
    const { plan } = await ok<{ plan: { deadlines: { id: string; reporting: Round }[] } }>(ROUND, { id: planId });
    const round = plan.deadlines.find((d) => d.id === deadlineId)!.reporting;
    expect({ expected: round.expected, onTime: round.onTime, late: round.late, missing: round.missing, overdue: round.overdue }).toEqual({
      expected: 12,
      onTime: 7,
      late: 2,
      missing: 3,
      overdue: true,
    });
    expect(round.reporters.filter((r) => r.state === "LATE").map((r) => r.reporterCode)).toEqual([COMMUNES[7], COMMUNES[8]]);
    expect(round.reporters.filter((r) => r.state === "MISSING").map((r) => r.reporterCode)).toEqual([COMMUNES[9], COMMUNES[10], COMMUNES[11]]);
    expect(round.reporters.find((r) => r.reporterCode === COMMUNES[0])).toMatchObject({
      area: { code: COMMUNES[0] },
      submission: { documentName: `${COMMUNES[0]}.pdf` },
    });
  });
});

describe("sending a report", () => {
  it("refuses an oversize document, a wrong type, a file that is not what it says and a reporter that owes nothing", async () => {
    const refused = async (variables: Record<string, unknown>) => (await postGraphQL(system.gatewayUrl!, SUBMIT, variables, adminHeaders)).body.errors?.[0];
    const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(11 * 1024 * 1024)]).toString("base64");
    expect(await refused({ deadline: deadlineId, reporter: COMMUNES[10], doc: { ...pdf(), base64: big } })).toMatchObject({
      extensions: { code: "BAD_USER_INPUT", reason: "DOCUMENT_TOO_LARGE" },
    });
    expect(
      await refused({ deadline: deadlineId, reporter: COMMUNES[10], doc: { fileName: "a.exe", contentType: "application/x-msdownload", base64: PDF } }),
    ).toMatchObject({
      extensions: { code: "BAD_USER_INPUT", reason: "UNSUPPORTED_DOCUMENT_TYPE", field: "document.contentType" },
    });
    const text = Buffer.from("not a pdf at all").toString("base64");
    expect(await refused({ deadline: deadlineId, reporter: COMMUNES[10], doc: { ...pdf(), base64: text } })).toMatchObject({
      extensions: { code: "BAD_USER_INPUT", reason: "UNSUPPORTED_DOCUMENT_TYPE" },
    });
    expect(await refused({ deadline: deadlineId, reporter: "00703", doc: pdf() })).toMatchObject({
      extensions: { code: "BAD_USER_INPUT", field: "reporterCode" },
    });
    // Nothing of the refused attempts was stored: commune 10 still owes its report.
    const planId = (await ok<{ plans: { id: string }[] }>(`{ plans(areaCode: "${DISTRICT}") { id } }`)).plans[0].id;
    const { plan } = await ok<{ plan: { deadlines: { reporting: Round }[] } }>(ROUND, { id: planId });
    expect(plan.deadlines[0].reporting.reporters.find((r) => r.reporterCode === COMMUNES[10])?.state).toBe("MISSING");
  });

  it("is for the reporter's own people: another district's officer is refused", async () => {
    const outsider: Caller = { subject: "de-030", roles: [Role.DATA_ENTRY], areaCodes: ["030"] };
    const { body } = await postGraphQL(system.gatewayUrl!, SUBMIT, { deadline: deadlineId, reporter: COMMUNES[11], doc: pdf() }, await authHeader(outsider));
    expect(body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});

describe("downloading a sent report", () => {
  async function submissionOf(reporter: string) {
    const planId = (await ok<{ plans: { id: string }[] }>(`{ plans(areaCode: "${DISTRICT}") { id } }`)).plans[0].id;
    const { plan } = await ok<{ plan: { deadlines: { id: string; reporting: Round }[] } }>(ROUND, { id: planId });
    return plan.deadlines.find((d) => d.id === deadlineId)!.reporting.reporters.find((r) => r.reporterCode === reporter)!.submission!;
  }
  const download = (path: string, headers: Record<string, string> = {}) => fetch(new URL(path, system.gatewayUrl!), { headers });

  it("gives the receiving officer the file as it was sent, with its name", async () => {
    const submission = await submissionOf(COMMUNES[0]);
    expect(submission.documentUrl).toBe(`/reports/document?submission=${submission.id}`);
    const answer = await download(submission.documentUrl, adminHeaders);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/pdf");
    expect(answer.headers.get("content-disposition")).toContain(`filename="${COMMUNES[0]}.pdf"`);
    expect(answer.headers.get("cache-control")).toBe("private, no-store");
    expect(Buffer.from(await answer.arrayBuffer())).toEqual(Buffer.from(PDF, "base64"));
    // The district's own officer receives it too.
    const district = await authHeader({ subject: "de-029", roles: [Role.DATA_ENTRY], areaCodes: [DISTRICT] });
    expect((await download(submission.documentUrl, district)).status).toBe(200);
  });

  it("gives a commune its own report and nobody else's; nothing without a token; clear errors for a wrong request", async () => {
    const own = await authHeader({ subject: "de-c0", roles: [Role.DATA_ENTRY], areaCodes: [COMMUNES[0]] });
    expect((await download((await submissionOf(COMMUNES[0])).documentUrl, own)).status).toBe(200);
    const neighbours = await download((await submissionOf(COMMUNES[1])).documentUrl, own);
    expect(neighbours.status).toBe(404);
    expect(((await neighbours.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe("NOT_FOUND");
    const outsider = await authHeader({ subject: "de-030", roles: [Role.DATA_ENTRY], areaCodes: ["030"] });
    expect((await download((await submissionOf(COMMUNES[0])).documentUrl, outsider)).status).toBe(404);
    expect((await download((await submissionOf(COMMUNES[0])).documentUrl)).status).toBe(401);
    expect((await download("/reports/document?submission=00000000-0000-0000-0000-000000000000", adminHeaders)).status).toBe(404);
    const unnamed = await download("/reports/document", adminHeaders);
    expect(unnamed.status).toBe(400);
    expect(((await unnamed.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });
});
