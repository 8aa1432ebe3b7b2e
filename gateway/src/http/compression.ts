// Compression of answers with Node's zlib (decision 0082): brotli or gzip as the Accept-Encoding
// header prefers, only past a size where it pays (headers and the compressor's frame cost more than
// they save on a small answer). Brotli runs at a middle quality: its maximum takes seconds on a
// 2.5 MB answer and saves little more.
import { promisify } from "node:util";
import zlib from "node:zlib";
import Negotiator from "negotiator";

export type ContentEncoding = "br" | "gzip";

/** Answers shorter than this are sent as they are. */
export const MIN_COMPRESSED_BYTES = 1024;
const BROTLI_QUALITY = 5;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** negotiator 1.x takes the server's order for encodings the client weighs equally; its types omit it. */
type EncodingChooser = (available: string[], options: { preferred: string[] }) => string | undefined;

/** The encoding the client prefers among those offered (brotli when it weighs both alike); null for none (identity). */
export function chooseEncoding(acceptEncoding: string | undefined): ContentEncoding | null {
  if (!acceptEncoding) return null;
  const negotiator = new Negotiator({ headers: { "accept-encoding": acceptEncoding } });
  const chosen = (negotiator.encoding as EncodingChooser).call(negotiator, ["br", "gzip", "identity"], { preferred: ["br", "gzip", "identity"] });
  return chosen === "br" || chosen === "gzip" ? chosen : null;
}

export async function compress(body: Buffer, encoding: ContentEncoding): Promise<Buffer> {
  if (encoding === "br") {
    return brotli(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
  }
  return gzip(body);
}
