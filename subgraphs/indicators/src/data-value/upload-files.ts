// Temporary files of HTTP uploads. Each upload gets a directory named after the process that made
// it, removed when the import ends; a process that dies mid-import (killed, out of memory) leaves its
// directory behind, so a starting process removes every upload directory no running process owns.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const PREFIX = "data-values-";
/** Directories of a build before they carried the process id: removed once this old. */
const UNOWNED_AGE_MS = 3_600_000;

/** A new upload directory of this process. */
export function makeUploadDir(): Promise<string> {
  return fs.promises.mkdtemp(path.join(os.tmpdir(), `${PREFIX}${process.pid}-`));
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // someone else's process, alive
  }
}

/**
 * Removes upload directories left by processes that are gone, and this process's own (a restarted
 * container reuses its pid, and a process that has just started has no upload in flight). Returns
 * the directories removed.
 */
export async function removeStaleUploads(): Promise<string[]> {
  const dir = os.tmpdir();
  const removed: string[] = [];
  for (const name of await fs.promises.readdir(dir)) {
    if (!name.startsWith(PREFIX)) continue;
    const full = path.join(dir, name);
    const owner = /^data-values-(\d+)-/.exec(name);
    const stale = owner
      ? Number(owner[1]) === process.pid || !running(Number(owner[1]))
      : Date.now() - (await fs.promises.stat(full).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs > UNOWNED_AGE_MS;
    if (!stale) continue;
    await fs.promises.rm(full, { recursive: true, force: true });
    removed.push(full);
  }
  return removed;
}
