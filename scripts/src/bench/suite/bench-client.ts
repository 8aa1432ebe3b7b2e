// The benchmark speaks to the services as a national administrator, with a token signed by the
// configured secret, like any client would.
import { Role, loadAuthConfig, signToken } from "@vnge/shared";

export class BenchGraphQLError extends Error {}

export async function benchHeaders(): Promise<Record<string, string>> {
  const config = loadAuthConfig();
  if (!config.secret) throw new Error("the benchmark signs its own token: set AUTH_JWT_SECRET");
  const token = await signToken(
    { subject: "benchmark", roles: [Role.ADMIN], areaCodes: ["VN"] },
    { secret: config.secret, issuer: config.issuer, audience: config.audience, expiresInSeconds: 4 * 3600 },
  );
  return { "content-type": "application/json", authorization: `Bearer ${token}` };
}

export async function postGraphQL<T>(url: string, headers: Record<string, string>, query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await fetch(url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) {
    throw new BenchGraphQLError(`${url}: ${body.errors?.map((e) => e.message).join("; ") ?? `HTTP ${response.status}`}`);
  }
  return body.data;
}
