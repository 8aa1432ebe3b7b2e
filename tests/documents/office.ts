// Generated documents seen as a person sees them: LibreOffice (Debian's libreoffice-writer-nogui and
// libreoffice-calc-nogui) converts them to PDF, poppler (pdftoppm, pdftotext) renders pages and reads the text back.
// Without soffice the suites are skipped with one line, except in CI, where they fail.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describeWithPrerequisite } from "@vnge/shared/testing";

const run = promisify(execFile);
export const SOFFICE_PATH = process.env.SOFFICE_PATH || "/usr/bin/soffice";
const REMEDY = "apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-liberation";

function findOffice(): string | undefined {
  if (fs.existsSync(SOFFICE_PATH) && fs.existsSync("/usr/bin/pdftoppm")) return SOFFICE_PATH;
  if (process.env.CI) throw new Error(`${SOFFICE_PATH} or pdftoppm is missing: install them with ${REMEDY}`);
  return undefined;
}

export function describeWithOffice(testFile: string, name: string, tests: () => void): void {
  describeWithPrerequisite(
    testFile,
    name,
    { find: findOffice, placeholder: () => SOFFICE_PATH, absence: `LibreOffice not found at ${SOFFICE_PATH}`, remedy: REMEDY },
    tests,
  );
}

export interface Rendered {
  pdf: string;
  /** The PDF's text, as a reader copying it would get it. */
  text: string;
  /** PNG of each rendered page, first page first. */
  pages: string[];
}

/** Converts an office file to PDF and renders its first `pages` pages to PNG at `dpi`. */
export async function renderDocument(file: string, outDir: string, { pages = 1, dpi = 70 } = {}): Promise<Rendered> {
  // A profile of its own: LibreOffice refuses to run twice on one profile.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "vnge-office-"));
  try {
    await run(SOFFICE_PATH, ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", "pdf", "--outdir", outDir, file], {
      timeout: 120_000,
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const pdf = path.join(outDir, `${path.basename(file, path.extname(file))}.pdf`);
  const { stdout: text } = await run("pdftotext", [pdf, "-"], { maxBuffer: 32 * 1024 * 1024 });
  const prefix = path.join(outDir, `${path.basename(file, path.extname(file))}-page`);
  await run("pdftoppm", ["-png", "-r", String(dpi), "-f", "1", "-l", String(pages), pdf, prefix]);
  const rendered = fs
    .readdirSync(outDir)
    .filter((name) => name.startsWith(path.basename(prefix)) && name.endsWith(".png"))
    .sort()
    .map((name) => path.join(outDir, name));
  return { pdf, text, pages: rendered };
}
