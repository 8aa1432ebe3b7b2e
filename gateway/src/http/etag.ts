// Entity tags of cacheable answers (decision 0082): a hash of what is sent (media type and body), so
// two answers share a tag exactly when a client could use one for the other; weak, because the same
// answer may travel compressed or not.
import crypto from "node:crypto";

export function entityTag(mediaType: string, body: Buffer | string): string {
  return `W/"${crypto.createHash("sha256").update(mediaType).update("\n").update(body).digest("base64url").slice(0, 32)}"`;
}

/** Whether If-None-Match names this tag (weak comparison, `*` included). */
export function ifNoneMatchMatches(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const opaque = (value: string) => value.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((candidate) => opaque(candidate) === opaque(tag));
}
