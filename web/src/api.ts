// The application's only way to the gateway: GraphQL over fetch with the bearer token, the value-file upload over
// XMLHttpRequest (the one browser API that reports upload progress), and downloads saved from a blob.
import { useEffect, useState } from "preact/hooks";

const TOKEN_KEY = "vnge.token";

/** The token lives in this tab only (sessionStorage): closing it signs out. */
export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  signIn: (token: string) => sessionStorage.setItem(TOKEN_KEY, token.trim()),
  signOut: () => sessionStorage.removeItem(TOKEN_KEY),
};

export interface Claims {
  sub: string;
  roles: string[];
  areas: string[];
  agency?: string;
  exp?: number;
}

/** The token's claims as the page needs them (whom to greet, where to start); the gateway verifies it, not this. */
export function claimsOf(token: string | null): Claims | null {
  const payload = token?.split(".")[1];
  if (!payload) return null;
  try {
    const bytes = Uint8Array.from(atob(payload.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as Partial<Claims>;
    return { sub: claims.sub ?? "?", roles: claims.roles ?? [], areas: claims.areas ?? [], agency: claims.agency, exp: claims.exp };
  } catch {
    return null;
  }
}

export type Variables = Record<string, unknown>;

/** What a view sent, shown by its "show the GraphQL" toggle. */
export interface SentQuery {
  query: string;
  variables: Variables;
}

function authorization(): Record<string, string> {
  const token = session.token();
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** The message of an error answer: GraphQL's `errors`, or the body's text. */
function messageOf(status: number, text: string): string {
  try {
    const body = JSON.parse(text) as { errors?: { message: string }[]; message?: string };
    if (body.errors?.length) return body.errors.map((e) => e.message).join("; ");
    if (body.message) return body.message;
  } catch {
    // not JSON: the text itself
  }
  return `HTTP ${status}${text ? `: ${text.slice(0, 200)}` : ""}`;
}

export async function graphql<T>(query: string, variables: Variables = {}): Promise<T> {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...authorization() },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: { data?: T | null; errors?: { message: string }[] };
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(messageOf(response.status, text));
  }
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join("; "));
  if (!body.data) throw new Error(messageOf(response.status, text));
  return body.data;
}

export interface QueryState<T> {
  data?: T;
  error?: string;
  loading: boolean;
  sent: SentQuery | null;
}

/** Runs a query whenever it or its variables change (null: not yet); `version` forces a fresh run. */
export function useQuery<T>(query: string | null, variables: Variables, version = 0): QueryState<T> {
  const key = query === null ? null : JSON.stringify(variables);
  const [state, setState] = useState<QueryState<T>>({ loading: query !== null, sent: null });
  useEffect(() => {
    if (query === null || key === null) return;
    let current = true;
    const sent = { query, variables: JSON.parse(key) as Variables };
    setState((previous) => ({ data: previous.data, loading: true, sent }));
    graphql<T>(query, sent.variables).then(
      (data) => current && setState({ data, loading: false, sent }),
      (error: Error) => current && setState({ error: error.message, loading: false, sent }),
    );
    return () => {
      current = false;
    };
  }, [query, key, version]);
  return state;
}

/** JSON from a gateway route (the development token, the upload's summary), with the API's message on failure. */
export async function getJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, { ...init, headers: { accept: "application/json", ...authorization(), ...init.headers } });
  const text = await response.text();
  if (!response.ok) throw new Error(messageOf(response.status, text));
  return JSON.parse(text) as T;
}

export interface FileConflict {
  line: number;
  field: string | null;
  message: string;
}

export interface ImportSummary {
  rows: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  conflicts: FileConflict[];
  warnings: FileConflict[];
  written: boolean;
}

export interface UploadAnswer {
  status: number;
  summary?: ImportSummary;
  error?: string;
}

/** POST /data-values/import; 200 and 422 both carry the per-line summary. */
export function uploadValues(file: File, dryRun: boolean, onProgress: (fraction: number) => void): Promise<UploadAnswer> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/data-values/import?dryRun=${dryRun}`);
    for (const [name, value] of Object.entries(authorization())) request.setRequestHeader(name, value);
    request.setRequestHeader("content-type", file.name.endsWith(".jsonl") ? "application/x-ndjson" : "text/csv");
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () => {
      onProgress(1);
      try {
        const body = JSON.parse(request.responseText) as ImportSummary & { errors?: { message: string }[] };
        if (Array.isArray(body.conflicts)) return resolve({ status: request.status, summary: body });
      } catch {
        // fall through to the message
      }
      resolve({ status: request.status, error: messageOf(request.status, request.responseText) });
    };
    request.onerror = () => resolve({ status: 0, error: "network error" });
    request.send(file);
  });
}

/** Fetches a file with the token (a link cannot send it) and saves it under the server's name. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await fetch(path, { headers: authorization() });
  if (!response.ok) throw new Error(messageOf(response.status, await response.text()));
  const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
