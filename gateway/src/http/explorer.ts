// Serves the explorer (decision 0083): its page, and the prebuilt browser files of GraphiQL and React
// read from their installed packages (no CDN, no bundler). Files are read once and kept in memory.
import fs from "node:fs/promises";
import path from "node:path";
import { EXPLORER_BASE, EXPLORER_CSS, EXPLORER_SCRIPT, explorerHtml } from "./explorer-page";

export interface StaticFile {
  contentType: string;
  body: Buffer;
}

const JS = "text/javascript; charset=utf-8";
const CSS = "text/css; charset=utf-8";

/** The files under /explorer/: name -> the package and its file. */
const PACKAGE_FILES: Record<string, { pkg: string; file: string; contentType: string }> = {
  "graphiql.min.js": { pkg: "graphiql", file: "graphiql.min.js", contentType: JS },
  "graphiql.min.css": { pkg: "graphiql", file: "graphiql.min.css", contentType: CSS },
  "react.production.min.js": { pkg: "react", file: "umd/react.production.min.js", contentType: JS },
  "react-dom.production.min.js": { pkg: "react-dom", file: "umd/react-dom.production.min.js", contentType: JS },
};

const OWN_FILES: Record<string, StaticFile> = {
  "explorer.js": { contentType: JS, body: Buffer.from(EXPLORER_SCRIPT) },
  "explorer.css": { contentType: CSS, body: Buffer.from(EXPLORER_CSS) },
};

/** Scripts and styles only from the gateway; GraphiQL sets inline styles and fonts as data: URLs. */
export const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

export class Explorer {
  private readonly files = new Map<string, Promise<StaticFile>>();
  private readonly html: StaticFile;

  constructor(endpoint = "/graphql") {
    this.html = { contentType: "text/html; charset=utf-8", body: Buffer.from(explorerHtml(endpoint)) };
  }

  page(): StaticFile {
    return this.html;
  }

  /** Whether a path is the explorer's page or one of its files. */
  static owns(pathname: string): boolean {
    return pathname === EXPLORER_BASE || pathname.startsWith(`${EXPLORER_BASE}/`);
  }

  /** The page or file at a path under /explorer; null when there is none. */
  async file(pathname: string): Promise<StaticFile | null> {
    if (pathname === EXPLORER_BASE || pathname === `${EXPLORER_BASE}/`) return this.page();
    const name = pathname.slice(EXPLORER_BASE.length + 1);
    // Own keys only: a path such as /explorer/constructor names no file.
    if (Object.hasOwn(OWN_FILES, name)) return OWN_FILES[name];
    if (!Object.hasOwn(PACKAGE_FILES, name)) return null;
    const source = PACKAGE_FILES[name];
    let file = this.files.get(name);
    if (!file) {
      file = readPackageFile(source.pkg, source.file).then((body) => ({ contentType: source.contentType, body }));
      file.catch(() => this.files.delete(name));
      this.files.set(name, file);
    }
    return file;
  }
}

async function readPackageFile(pkg: string, file: string): Promise<Buffer> {
  const root = path.dirname(require.resolve(`${pkg}/package.json`));
  return fs.readFile(path.join(root, file));
}
