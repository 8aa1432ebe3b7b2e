// The yearly report as the official who signs it sees it: the Word document and the workbook opened by LibreOffice,
// their pages rendered to images (kept in REPORT_RENDER_DIR when set, for looking at) and their text read back, so
// the Vietnamese comes through the fonts intact.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type TestSystem, authHeader, startTestSystem } from "../testkit";
import { describeWithOffice, renderDocument } from "./office";

let system: TestSystem;
let outDir: string;

describeWithOffice(__filename, "the Kon Tum 2024 report, rendered", () => {
  beforeAll(async () => {
    system = await startTestSystem({ seedDemo: true });
    outDir = process.env.REPORT_RENDER_DIR || fs.mkdtempSync(path.join(os.tmpdir(), "vnge-report-"));
    fs.mkdirSync(outDir, { recursive: true });
  }, 180_000);
  afterAll(async () => {
    await system?.close();
    if (!process.env.REPORT_RENDER_DIR && outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  async function fetchReport(format: "docx" | "xlsx"): Promise<string> {
    const answer = await fetch(new URL(`/reports/yearly?area=62&year=2024&format=${format}`, system.gatewayUrl!), { headers: await authHeader() });
    expect(answer.status).toBe(200);
    const file = path.join(outDir, `kon-tum-2024-${format === "docx" ? "report" : "workbook"}.${format}`);
    fs.writeFileSync(file, Buffer.from(await answer.arrayBuffer()));
    return file;
  }

  /** A PNG's width and height, from its header. */
  const sizeOf = (png: string) => {
    const bytes = fs.readFileSync(png);
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bytes: bytes.length };
  };

  it("renders the Word document: the heading in portrait, the tables in landscape, Vietnamese intact", async () => {
    const rendered = await renderDocument(await fetchReport("docx"), outDir, { pages: 2 });
    expect(rendered.pages).toHaveLength(2);
    const first = sizeOf(rendered.pages[0]);
    const second = sizeOf(rendered.pages[1]);
    expect(first.height).toBeGreaterThan(first.width);
    expect(second.width).toBeGreaterThan(second.height);
    // A page with text on it, not a blank one (a blank A4 page at 70 dpi compresses to a few hundred bytes).
    expect(first.bytes).toBeGreaterThan(10_000);
    const text = rendered.text.replace(/\s+/g, " ");
    for (const line of [
      "ỦY BAN NHÂN DÂN TỈNH KON TUM",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Mục tiêu 4: Trong lĩnh vực y tế",
      "Không đạt",
      "Sở Y tế",
    ])
      expect(text).toContain(line);
  }, 180_000);

  it("renders the workbook's sheets for print, figures as the sheet formats them", async () => {
    const rendered = await renderDocument(await fetchReport("xlsx"), outDir, { pages: 2 });
    expect(rendered.pages.length).toBeGreaterThanOrEqual(2);
    const text = rendered.text.replace(/\s+/g, " ");
    expect(text).toContain("I. Kết quả thực hiện các chỉ tiêu");
    expect(text).toContain("Mục tiêu 4: Trong lĩnh vực y tế");
    expect(text).toMatch(/110[.,]2/);
  }, 180_000);
});
