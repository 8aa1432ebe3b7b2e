// The export of values through the running system, for the command line: the gateway's
// GET /data-values/export streamed to a file or stdout under the credential's access rules.
import type { Writable } from "node:stream";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";

export interface ExportRequest {
  areaCode: string;
  period: string;
  dataElementCode?: string;
  format: "csv" | "json";
}

/** What the gateway answered: the file was written to `out`, or why it was refused. */
export type GatewayExportResult = { ok: true } | { ok: false; status: number; code: string; message: string };

/** A bearer token or an API key, as the gateway's headers. */
export const credentialHeaders = (credential: { token?: string; apiKey?: string }): Record<string, string> =>
  credential.token ? { authorization: `Bearer ${credential.token}` } : credential.apiKey ? { "x-api-key": credential.apiKey } : {};

export async function exportThroughGateway(request: ExportRequest, base: string, headers: Record<string, string>, out: Writable): Promise<GatewayExportResult> {
  const query = new URLSearchParams({ area: request.areaCode, period: request.period, format: request.format });
  if (request.dataElementCode) query.set("element", request.dataElementCode);
  let answer: Response;
  try {
    answer = await fetch(new URL(`/data-values/export?${query}`, base), { headers });
  } catch (error) {
    throw new Error(`cannot reach the gateway at ${base} (${(error as Error).message}): start the system (npm start) or give its address with --url`);
  }
  if (!answer.ok || !answer.body) {
    const body = (await answer.json().catch(() => null)) as { errors?: { message: string; extensions?: { code?: string } }[] } | null;
    const error = body?.errors?.[0];
    return { ok: false, status: answer.status, code: error?.extensions?.code ?? "", message: error?.message ?? answer.statusText };
  }
  await pipeline(Readable.fromWeb(answer.body as WebReadableStream<Uint8Array>), out);
  return { ok: true };
}
