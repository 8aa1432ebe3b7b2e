// Serves the web application (decision 0115): the files `npm run build` wrote to web/dist, read once when the
// gateway starts. Without a build there is no web application, and `/` shows the explorer as before.
import fs from "node:fs";
import path from "node:path";
import type { StaticFile } from "./explorer";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".json": "application/json; charset=utf-8",
};

/** Everything from the gateway; downloads are saved from blob: URLs, charts draw on canvases. */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

export class WebApp {
  private constructor(
    private readonly index: StaticFile,
    private readonly files: ReadonlyMap<string, StaticFile>,
  ) {}

  /** The built application in `dir`; null when it has not been built. */
  static load(dir: string | undefined = WebApp.defaultDir()): WebApp | null {
    if (!dir || !fs.existsSync(path.join(dir, "index.html"))) return null;
    const files = new Map<string, StaticFile>();
    const walk = (folder: string) => {
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) walk(full);
        else {
          const contentType = CONTENT_TYPES[path.extname(entry.name)];
          if (contentType) files.set(`/${path.relative(dir, full).split(path.sep).join("/")}`, { contentType, body: fs.readFileSync(full) });
        }
      }
    };
    walk(dir);
    const index = files.get("/index.html");
    return index ? new WebApp(index, files) : null;
  }

  /** web/dist of the installed workspace, when there is one. */
  static defaultDir(): string | undefined {
    try {
      return path.join(path.dirname(require.resolve("@vnge/web/package.json")), "dist");
    } catch {
      return undefined;
    }
  }

  page(): StaticFile {
    return this.index;
  }

  /** A built file by its path (e.g. "/assets/index-1a2b.js"); "/" and "/graphql" are never files. */
  file(pathname: string): StaticFile | undefined {
    return pathname === "/" ? undefined : this.files.get(pathname);
  }
}
