// What a submitted report's document may be: a PDF, a Word or a spreadsheet file (OOXML, OpenDocument or the old
// binary formats), within a size limit. The declared type must agree with the file's first bytes.
import { BadUserInputError } from "@vnge/shared";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

/** Accepted types, each with the signature its file starts with. */
export const DOCUMENT_TYPES: Record<string, number[]> = {
  "application/pdf": PDF,
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ZIP,
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ZIP,
  "application/vnd.oasis.opendocument.text": ZIP,
  "application/vnd.oasis.opendocument.spreadsheet": ZIP,
  "application/msword": OLE,
  "application/vnd.ms-excel": OLE,
};

/** REPORT_DOCUMENT_MAX_MB (default 10). */
export function documentLimitBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.REPORT_DOCUMENT_MAX_MB;
  const mb = raw === undefined || raw === "" ? 10 : Number(raw);
  if (!(mb > 0 && mb <= 100)) throw new Error(`REPORT_DOCUMENT_MAX_MB must be a number of megabytes from 0 to 100, got "${raw}"`);
  return Math.round(mb * 1024 * 1024);
}

export interface ReportDocument {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/** Decodes and checks a document sent as base64; BAD_USER_INPUT with a specific reason otherwise. */
export function readDocument(input: { fileName: string; contentType: string; base64: string }, limitBytes: number): ReportDocument {
  const fileName = input.fileName.trim();
  if (fileName === "" || fileName.length > 200 || /[/\\\0]/.test(fileName))
    throw new BadUserInputError("document.fileName must be a plain file name of 1-200 characters", { field: "document.fileName" });
  const signature = DOCUMENT_TYPES[input.contentType];
  if (!signature)
    throw new BadUserInputError(`document type "${input.contentType}" is not accepted; send ${Object.keys(DOCUMENT_TYPES).join(", ")}`, {
      field: "document.contentType",
      reason: "UNSUPPORTED_DOCUMENT_TYPE",
    });
  // The encoded length bounds the decoded one: refuse oversize documents before decoding them.
  if (Math.floor((input.base64.length * 3) / 4) > limitBytes + 3) throw tooLarge(limitBytes);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.base64) || input.base64.length % 4 !== 0)
    throw new BadUserInputError("document.base64 is not base64", { field: "document.base64" });
  const bytes = Buffer.from(input.base64, "base64");
  if (bytes.length === 0) throw new BadUserInputError("the document is empty", { field: "document.base64" });
  if (bytes.length > limitBytes) throw tooLarge(limitBytes);
  if (!signature.every((byte, i) => bytes[i] === byte))
    throw new BadUserInputError(`the document's content is not a ${input.contentType} file`, {
      field: "document.contentType",
      reason: "UNSUPPORTED_DOCUMENT_TYPE",
    });
  return { fileName, contentType: input.contentType, bytes };
}

const tooLarge = (limitBytes: number) =>
  new BadUserInputError(`the document is larger than ${(limitBytes / 1024 / 1024).toFixed(0)} MB`, { field: "document.base64", reason: "DOCUMENT_TOO_LARGE" });
